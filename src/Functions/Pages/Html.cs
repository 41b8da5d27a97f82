using System.Net;

namespace GuanGong.Functions.Pages;

/// <summary>HTML helpers: every value that reaches a page goes through <c>E</c>.</summary>
public static class Html
{
    public static string E(string? value) => WebUtility.HtmlEncode(value ?? string.Empty);

    public static string E(decimal value) => value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}
