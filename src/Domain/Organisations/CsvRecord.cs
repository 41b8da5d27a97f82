namespace GuanGong.Domain.Organisations;

/// <summary>One record of a CSV file and the 1-based line it starts on.</summary>
/// <param name="Line">The line the record starts on (a quoted field may span several lines).</param>
/// <param name="Fields">The unquoted field values.</param>
internal sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);
