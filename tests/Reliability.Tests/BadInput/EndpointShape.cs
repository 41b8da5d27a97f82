namespace GuanGong.Reliability.Tests.BadInput;

/// <summary>One mapped endpoint as the attacker sees it: a method and a route template.</summary>
internal sealed record EndpointShape(string Method, string Template)
{
    public string Name => $"{Method} {Template}";

    /// <summary>Pages answer people in HTML; everything else answers programs in problem details.</summary>
    public bool IsHtmlPage => Template.StartsWith("/r/", StringComparison.Ordinal) || Template.StartsWith("/u/", StringComparison.Ordinal)
        || Template == "/d" || Template.StartsWith("/d/", StringComparison.Ordinal);

    public bool HasBody => Method is "POST" or "PUT" or "PATCH";

    public IReadOnlyList<string> Parameters =>
        [.. Template.Split('/').Where(s => s.StartsWith('{')).Select(s => s.Trim('{', '}').Split(':', '=', '?')[0].TrimStart('*'))];

    /// <summary>Files rather than answers: the pages' scripts and styles, and the Local profile's mailbox (a missing one is a bare 404, as from any file server).</summary>
    public bool IsFile => Template.StartsWith("/assets/", StringComparison.Ordinal) || Template.StartsWith("/lib/", StringComparison.Ordinal)
        || Template.StartsWith("/dev/mail/", StringComparison.Ordinal);

    /// <summary>Whether a request path (as the server sees it: dot segments removed) falls on this route.</summary>
    public bool Matches(string absolutePath)
    {
        var path = absolutePath.Split('/')[1..];
        var template = Template.Split('/')[1..];
        if (path.Length != template.Length)
        {
            return template.Length > 0 && template[^1].StartsWith("{*", StringComparison.Ordinal) && path.Length >= template.Length;
        }

        return template.Zip(path).All(p => p.First.StartsWith('{') ? p.Second.Length > 0 : string.Equals(p.First, Uri.UnescapeDataString(p.Second), StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Every route the local host serves (from functions.metadata, "GET,POST pattern"), one shape per method.</summary>
    public static IReadOnlyList<EndpointShape> From(IEnumerable<string> routes) =>
        [.. routes
            .Select(r => r.Split(' ', 2))
            .SelectMany(r => r[0].Split(',', StringSplitOptions.RemoveEmptyEntries).Select(m => new EndpointShape(m.ToUpperInvariant(), "/" + r[1].TrimStart('/'))))
            .Distinct()
            .OrderBy(s => s.Template, StringComparer.Ordinal).ThenBy(s => s.Method, StringComparer.Ordinal)];
}
