using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Logging.Abstractions;
using GuanGong.Functions.Pages.Components;

namespace GuanGong.Functions.Pages;

/// <summary>
/// A page rendered from Razor components on the server with ASP.NET Core's <see cref="HtmlRenderer"/>:
/// the body component (given its <c>Model</c>) inside <see cref="PageFrame"/>. Markup is checked by the
/// compiler and every value is HTML-encoded by default. Nothing runs in the browser but the pages' own
/// small scripts; there is no circuit and no interactivity.
/// </summary>
public sealed class RazorPage : IResult
{
    private readonly string _title;
    private readonly RenderFragment _body;
    private readonly int _statusCode;
    private readonly IReadOnlyList<string>? _scripts;
    private readonly string? _standardName;

    private RazorPage(string title, RenderFragment body, int statusCode, IReadOnlyList<string>? scripts, string? standardName)
    {
        _title = title;
        _body = body;
        _statusCode = statusCode;
        _scripts = scripts;
        _standardName = standardName;
    }

    /// <summary>A page whose body is the component <typeparamref name="TBody"/> with its <c>Model</c> parameter.</summary>
    public static RazorPage Of<TBody>(string title, object model, int statusCode = StatusCodes.Status200OK, IReadOnlyList<string>? scripts = null, string? standardName = null)
        where TBody : IComponent =>
        new(title, builder =>
        {
            builder.OpenComponent<TBody>(0);
            builder.AddComponentParameter(1, "Model", model);
            builder.CloseComponent();
        }, statusCode, scripts, standardName);

    /// <summary>A page whose body is markup built elsewhere (the pages not yet moved to components).</summary>
    public static RazorPage OfMarkup(string title, string bodyHtml, int statusCode = StatusCodes.Status200OK, IReadOnlyList<string>? scripts = null, string? standardName = null) =>
        new(title, builder => builder.AddMarkupContent(0, bodyHtml), statusCode, scripts, standardName);

    /// <summary>Markup built elsewhere followed by the component <typeparamref name="TTail"/> (a page part-way to components).</summary>
    public static RazorPage OfMarkupThen<TTail>(string title, string bodyHtml, object tailModel, int statusCode = StatusCodes.Status200OK, string? standardName = null)
        where TTail : IComponent =>
        new(title, builder =>
        {
            builder.AddMarkupContent(0, bodyHtml);
            builder.OpenComponent<TTail>(1);
            builder.AddComponentParameter(2, "Model", tailModel);
            builder.CloseComponent();
        }, statusCode, null, standardName);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var html = await RenderAsync(httpContext.RequestServices);
        httpContext.Response.StatusCode = _statusCode;
        httpContext.Response.ContentType = "text/html; charset=utf-8";
        await httpContext.Response.WriteAsync(html, httpContext.RequestAborted);
    }

    /// <summary>The whole document as text.</summary>
    public async Task<string> RenderAsync(IServiceProvider? services = null)
    {
        var provider = new PageServices(services);
        var loggers = provider.GetService(typeof(ILoggerFactory)) as ILoggerFactory ?? NullLoggerFactory.Instance;
        await using var renderer = new HtmlRenderer(provider, loggers);
        var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
        {
            [nameof(PageFrame.Title)] = _title,
            [nameof(PageFrame.StandardName)] = _standardName,
            [nameof(PageFrame.Scripts)] = _scripts,
            [nameof(PageFrame.Body)] = _body,
        });
        var html = await renderer.Dispatcher.InvokeAsync(async () => (await renderer.RenderComponentAsync<PageFrame>(parameters)).ToHtmlString());
        return "<!DOCTYPE html>\n" + html;
    }

    /// <summary>
    /// The app's services, with an HTML encoder that leaves Chinese as Chinese: the default one writes every
    /// character outside Basic Latin as a numeric entity, which browsers show correctly but makes pages three
    /// times larger and unreadable as text (mail scanners, tests, anyone viewing the source).
    /// </summary>
    private sealed class PageServices(IServiceProvider? inner) : IServiceProvider
    {
        private static readonly System.Text.Encodings.Web.HtmlEncoder Encoder =
            System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

        private static readonly System.Text.Encodings.Web.JavaScriptEncoder Script =
            System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

        public object? GetService(Type serviceType) =>
            serviceType == typeof(System.Text.Encodings.Web.HtmlEncoder) ? Encoder
            : serviceType == typeof(System.Text.Encodings.Web.JavaScriptEncoder) ? Script
            : inner?.GetService(serviceType);
    }
}
