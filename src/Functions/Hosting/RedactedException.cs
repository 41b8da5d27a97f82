namespace GuanGong.Functions.Hosting;

/// <summary>
/// An exception as a log provider sees it after <see cref="LinkRedaction"/>: its type, message and
/// stack text redacted (a framework's message can quote the request URL, a link token and all).
/// Providers write <see cref="ToString"/>; the original is kept as the inner exception for nothing
/// else to print.
/// </summary>
public sealed class RedactedException : Exception
{
    private readonly string _text;
    private readonly string? _stackTrace;

    private RedactedException(Exception original)
        : base(LinkRedaction.Redact(original.Message))
    {
        _text = LinkRedaction.Redact(original.ToString());
        _stackTrace = original.StackTrace is { } stack ? LinkRedaction.Redact(stack) : null;
        OriginalType = original.GetType().FullName ?? original.GetType().Name;
        HResult = original.HResult;
    }

    /// <summary>The redacted exception's type name.</summary>
    public string OriginalType { get; }

    public override string? StackTrace => _stackTrace;

    /// <summary>The exception with its texts redacted, or null for null; one already redacted is returned as it is.</summary>
    public static Exception? From(Exception? exception) =>
        exception is null or RedactedException ? exception : new RedactedException(exception);

    public override string ToString() => _text;
}
