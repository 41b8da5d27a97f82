using System.Text.RegularExpressions;
using Microsoft.AspNetCore.StaticFiles;

namespace GuanGong.Functions.Pages;

/// <summary>
/// <c>GET /assets/{file}</c> and <c>GET /lib/{file}</c>: the pages' CSS and scripts and ECharts, from
/// the <c>wwwroot</c> the build writes beside the app. As named endpoints they are functions too, so
/// the Functions host forwards them to the handler like any page; and a local run from the source
/// folder still finds ECharts, which the build links in from <c>node_modules</c>.
/// </summary>
internal static partial class PageAssets
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static void MapPageAssets(this IEndpointRouteBuilder app)
    {
        var root = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        app.MapGet("/assets/{file}", (string file, HttpContext http) => Serve(root, "assets", file, http))
            .WithName("PageAssets")
            .WithSummary("The pages' own CSS and scripts")
            .ExcludeFromDescription();
        app.MapGet("/lib/{file}", (string file, HttpContext http) => Serve(root, "lib", file, http))
            .WithName("PageLibraries")
            .WithSummary("Front-end libraries from npm (ECharts), served by the app itself: no CDN")
            .ExcludeFromDescription();
    }

    private static IResult Serve(string root, string folder, string file, HttpContext http)
    {
        // Only plain file names: nothing that could climb out of the folder.
        if (!SafeName().IsMatch(file) || file.Contains("..", StringComparison.Ordinal))
        {
            return Results.NotFound();
        }

        var path = Path.Combine(root, folder, file);
        if (!File.Exists(path))
        {
            return Results.NotFound();
        }

        http.Response.Headers.CacheControl = "public, max-age=3600";
        return TypedResults.PhysicalFile(path, ContentTypes.TryGetContentType(file, out var type) ? type : "application/octet-stream");
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex SafeName();
}
