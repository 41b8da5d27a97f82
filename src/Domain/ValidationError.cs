namespace GuanGong.Domain;

/// <summary>
/// One expected failure of an input (a field of a form, a row of a CSV file, a node of a JSON document),
/// written so it can be shown to the person who supplied the input.
/// </summary>
/// <param name="Path">Where the problem is, in the shape of the input, e.g. <c>items[3].score</c> or <c>parent_code</c>.</param>
/// <param name="Code">A stable machine-readable code, e.g. <c>score.out_of_range</c>; the app may map it to HTTP problem types.</param>
/// <param name="MessageZh">The message in Simplified Chinese, for the people using the pages.</param>
/// <param name="MessageEn">The same message in English, for logs and administrators.</param>
/// <param name="Line">The 1-based line of the input file where the problem is, when the input is a file.</param>
public sealed record ValidationError(string Path, string Code, string MessageZh, string MessageEn, int? Line = null)
{
    /// <summary>Returns the error with its <see cref="Path"/> prefixed by <paramref name="prefix"/> (joined with a dot).</summary>
    /// <param name="prefix">The path of the enclosing element, e.g. <c>criteria[1]</c>.</param>
    public ValidationError Under(string prefix) =>
        this with { Path = Path.Length == 0 ? prefix : Path.StartsWith('[') ? prefix + Path : prefix + "." + Path };

    /// <inheritdoc />
    public override string ToString() =>
        (Line is { } line ? $"line {line}: " : string.Empty) + $"{Path}: {MessageEn} ({Code})";
}
