using System.Text.RegularExpressions;
using GuanGong.Functions.Pages;
using Microsoft.Net.Http.Headers;

namespace GuanGong.Functions.Http;

/// <summary>
/// Refuses, before any endpoint runs, requests no endpoint could serve: route ids that cannot be
/// ids here (they would reach Azure Tables as keys it forbids) answer 404, and bodies in a charset
/// other than UTF-8 answer 415 — every body here is UTF-8 JSON, CSV or form data.
/// </summary>
public static partial class RequestGuards
{
    public static void UseRequestGuards(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        foreach (var (name, value) in context.Request.RouteValues)
        {
            // Tokens are signed and verified by their endpoints; every other route value is an id
            // (case, campaign, item, committee, ledger, function name), all of this shape.
            if (name != "token" && value is string text && !SafeId().IsMatch(text))
            {
                await Refuse(context, StatusCodes.Status404NotFound, "not-found", "找不到该页面或记录。", $"'{name}' is not a valid id.");
                return;
            }
        }

        if (MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var contentType)
            && contentType.Charset.HasValue
            && !contentType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
            && !contentType.Charset.Equals("us-ascii", StringComparison.OrdinalIgnoreCase))
        {
            await Refuse(context, StatusCodes.Status415UnsupportedMediaType, "unsupported-charset", "只接受 UTF-8 编码的内容。", $"The charset '{contentType.Charset}' is not accepted; send UTF-8.");
            return;
        }

        await next(context);
    });

    /// <summary>Whether the request is for a page a person reads (a unit's, a reviewer's or the dashboard: HTML answers).</summary>
    public static bool IsPage(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/r") || context.Request.Path.StartsWithSegments("/u") || context.Request.Path.StartsWithSegments("/d");

    internal static Task Refuse(HttpContext context, int status, string code, string titleZh, string detailEn) =>
        IsPage(context)
            ? PageLayout.Message(titleZh, titleZh, status).ExecuteAsync(context)
            : Problems.Problem(status, code, titleZh, detailEn).ExecuteAsync(context);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")]
    private static partial Regex SafeId();
}
