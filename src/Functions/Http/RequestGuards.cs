using System.Text.RegularExpressions;
using GuanGong.Functions.Pages;
using Microsoft.Net.Http.Headers;

namespace GuanGong.Functions.Http;

/// <summary>
/// Refuses, before any function body runs, requests no function could serve: route ids that cannot be
/// ids here (they would reach Azure Tables as keys it forbids) answer 404, and bodies in a charset
/// other than UTF-8 answer 415 — every body here is UTF-8 JSON, CSV or form data.
/// </summary>
public static partial class RequestGuards
{
    /// <summary>The answer for a request no function could serve, or null to let it through.</summary>
    public static IResult? Refusal(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var (name, value) in context.Request.RouteValues)
        {
            // Tokens are signed and verified by their functions; every other route value is an id
            // (case, campaign, item, committee, ledger, file name), all of this shape.
            if (name != "token" && value is string text && !SafeId().IsMatch(text))
            {
                return Answer(context, StatusCodes.Status404NotFound, "not-found", "找不到该页面或记录。", $"'{name}' is not a valid id.");
            }
        }

        if (MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var contentType)
            && contentType.Charset.HasValue
            && !contentType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
            && !contentType.Charset.Equals("us-ascii", StringComparison.OrdinalIgnoreCase))
        {
            return Answer(context, StatusCodes.Status415UnsupportedMediaType, "unsupported-charset", "只接受 UTF-8 编码的内容。", $"The charset '{contentType.Charset}' is not accepted; send UTF-8.");
        }

        return null;
    }

    /// <summary>Whether the request is for a page a person reads (a unit's, a reviewer's or the dashboard: HTML answers).</summary>
    public static bool IsPage(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/r") || context.Request.Path.StartsWithSegments("/u") || context.Request.Path.StartsWithSegments("/d");

    /// <summary>A refusal as the caller reads it: a page for a person, problem details for a program.</summary>
    public static IResult Answer(HttpContext context, int status, string code, string titleZh, string detailEn) =>
        IsPage(context)
            ? PageLayout.Message(titleZh, titleZh, status)
            : Problems.Problem(status, code, titleZh, detailEn);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")]
    private static partial Regex SafeId();
}
