using System.Text.RegularExpressions;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Azure.Functions.Worker;

namespace GuanGong.Functions.Pages;

/// <summary>
/// <c>GET /assets/{file}</c> and <c>GET /lib/{file}</c>: the pages' CSS and scripts and ECharts, from
/// the <c>wwwroot</c> the build writes beside the app (a Functions app has no static-file middleware);
/// ECharts is linked in from <c>node_modules</c> by the build.
/// </summary>
public static partial class PageAssets
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "wwwroot");

    [Function("PageAssets")]
    public static IResult Assets([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "assets/{file}")] HttpRequest request, string file) =>
        Serve(Root, "assets", file, request.HttpContext);

    [Function("PageLibraries")]
    public static IResult Libraries([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "lib/{file}")] HttpRequest request, string file) =>
        Serve(Root, "lib", file, request.HttpContext);

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
