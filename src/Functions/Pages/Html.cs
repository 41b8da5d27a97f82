using System.Net;

namespace GuanGong.Functions.Pages;

/// <summary>HTML helpers: every value that reaches a page goes through <c>E</c>.</summary>
public static class Html
{
    public static string E(string? value) => WebUtility.HtmlEncode(value ?? string.Empty);

    public static string E(decimal value) => value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The 示例 mark beside a value the shipped template invented (the documents leave it blank: "xxx分制", "xx分以上"):
    /// the organiser sets the real number.
    /// </summary>
    public static string ExampleMark(Domain.Standards.StandardTemplate template, string path) =>
        template is not null && template.IsExample(path)
            ? $" <span class=\"example\" title=\"示例数值，由组织单位确定\">{Domain.Standards.StandardTemplate.ExampleLabel}</span>"
            : string.Empty;
}
