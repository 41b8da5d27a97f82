using System.Globalization;
using GuanGong.Domain;
using GuanGong.Domain.Standards;
using GuanGong.Functions.Http;
using GuanGong.Functions.OpenApi;
using Microsoft.Azure.Functions.Worker;

namespace GuanGong.Functions.Standards;

/// <summary>
/// <c>GET /api/templates/{templateId}/{version}</c>: one template's whole rubric (criteria, items, points, deduction rules,
/// preconditions, bonus), the address the loading function answers in <c>Location</c>. Templates are public reference data.
/// </summary>
public sealed class TemplateFunctions(HttpGate gate, TemplateResolver templates)
{
    [Function("GetTemplate")]
    [ApiOperation("One standard template's rubric (criteria, items, points, rules), as loaded", Tag = "Standards", Response = typeof(StandardTemplate), Problems = [404])]
    public Task<IResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/templates/{templateId}/{version}")] HttpRequest request,
        string templateId,
        string version,
        CancellationToken ct) =>
        gate.RunAsync(request, async () =>
            int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            && await templates.FindVersionAsync(templateId, number, ct) is { } template
                ? Results.Json(template, DomainJson.Options)
                : Problems.NotFound("找不到该标准。", $"There is no template '{templateId}' version '{version}'."));
}
