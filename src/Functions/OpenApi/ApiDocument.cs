using Microsoft.OpenApi;

namespace GuanGong.Functions.OpenApi;

/// <summary>
/// The OpenAPI document of the JSON API, generated from the endpoints' own metadata (so it cannot
/// drift from them) and served at <c>/api/openapi.json</c>. It is a named endpoint, hence an HTTP
/// function of its own in Azure too.
/// </summary>
internal static class ApiDocument
{
    public const string Path = "/api/openapi.json";
    public const string Title = "GuanGong 关工 API";

    public static IServiceCollection AddApiDocument(this IServiceCollection services) =>
        services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = Title,
                Version = "v1",
                Description = "五好基层关工委创建评估：自评提交、台账上传、逐级审核、统计与导出。Errors are RFC 9457 problem details (Chinese title, English detail).",
            };
            return Task.CompletedTask;
        }));

    public static void MapApiDocument(this IEndpointRouteBuilder app) =>
        app.MapOpenApi(Path)
            .WithName("OpenApiDocument")
            .WithSummary("This API's OpenAPI document");
}
