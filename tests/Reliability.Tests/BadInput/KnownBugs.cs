namespace GuanGong.Reliability.Tests.BadInput;

/// <summary>
/// The 5xx answers this suite found and reported, each recognised from the request alone, so they are
/// counted and printed without failing the build while any other 5xx still does. Remove a line when
/// its bug is fixed.
/// </summary>
internal static class KnownBugs
{
    /// <summary>B1: a route id that Azure Tables cannot hold as a key reaches the table client, which throws ArgumentException.</summary>
    public const string RouteKeyNotValidated = "B1-route-id-not-a-table-key";

    /// <summary>B2: the page POSTs (/d/login, /u/{token}/draft, …) read any form-typed body; a multipart body without a boundary or an over-long key throws InvalidDataException.</summary>
    public const string PageFormUnreadable = "B2-page-form-unreadable";

    /// <summary>B3: a JSON-bound endpoint given a charset .NET does not know (utf-7) throws InvalidOperationException in binding.</summary>
    public const string UnknownCharset = "B3-unknown-json-charset";

    public static string? Match(EndpointShape endpoint, HttpRequestMessage request)
    {
        var contentType = request.Content?.Headers.TryGetValues("Content-Type", out var values) == true ? string.Join(",", values) : string.Empty;
        if (endpoint.IsHtmlPage && endpoint.HasBody && (contentType.StartsWith("multipart/form-data", StringComparison.Ordinal) || contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.Ordinal)))
        {
            return PageFormUnreadable;
        }

        if (contentType.Contains("charset=utf-7", StringComparison.Ordinal) || contentType.Contains("charset=x-nonexistent", StringComparison.Ordinal))
        {
            return UnknownCharset;
        }

        var templateSegments = endpoint.Template.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var pathSegments = request.RequestUri!.OriginalString.Split('?')[0].Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < Math.Min(templateSegments.Length, pathSegments.Length); i++)
        {
            if (templateSegments[i].StartsWith('{') && !NameOf(templateSegments[i]).Equals("token", StringComparison.OrdinalIgnoreCase) && !IsTableKey(Uri.UnescapeDataString(pathSegments[i])))
            {
                return RouteKeyNotValidated;
            }
        }

        return null;
    }

    private static string NameOf(string segment) => segment.Trim('{', '}').Split(':', '=', '?')[0];

    private static bool IsTableKey(string value) =>
        value.Length <= 512 && !value.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c));
}
