namespace GuanGong.Functions.Exports;

/// <summary>Keeps text cells text in spreadsheets (no formula injection).</summary>
internal static class SpreadsheetText
{
    public static string Neutralise(string cell) =>
        cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !IsNumber(cell) ? "'" + cell : cell;

    private static bool IsNumber(string cell) =>
        double.TryParse(cell, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _);
}
