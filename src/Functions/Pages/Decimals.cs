using System.Globalization;

namespace GuanGong.Functions.Pages;

/// <summary>How a score, a number of points or a share reads on a page and in a document: 7.5, 10, 66.67 (no trailing zeros).</summary>
public static class Decimals
{
    public static string Show(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
