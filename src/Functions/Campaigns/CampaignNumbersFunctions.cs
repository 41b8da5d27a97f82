using GuanGong.Domain;
using GuanGong.Domain.Campaigns;
using GuanGong.Functions.Http;
using GuanGong.Functions.OpenApi;
using Microsoft.Azure.Functions.Worker;

namespace GuanGong.Functions.Campaigns;

/// <summary>
/// The organiser's numbers (the documents leave them blank: "xxx分制", "xx分以上", "xx%"): read them with their 示例
/// marks, and set them before launch. Setting derives the campaign's own template version
/// (<see cref="CampaignSetup.SetNumbers"/>), stores it with the administrators' templates and pins it.
/// </summary>
public sealed class CampaignNumbersFunctions(HttpGate gate, Access access, CampaignNumbers numbers)
{
    [Function("GetCampaignNumbers")]
    [ApiOperation("The organiser's numbers of a campaign (or of one kind's sheet): pass line, points, minimums, bonus cap, township share, each marked example (示例) when invented", Tag = "Campaigns",
        Response = typeof(OrganiserNumbersView), Problems = [400, 401, 403, 404], Query = ["kind:a unit kind (village, school…) for its own sheet (分类指导)"], Security = ["adminKey", "apiKey"])]
    public Task<IResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/campaigns/{campaignId}/numbers")] HttpRequest request,
        string campaignId,
        CancellationToken ct) =>
        gate.RunAsync(request, async () =>
            (await numbers.ReadAsync(await access.ResolveAsync(request.HttpContext, ct), campaignId, request.Query["kind"].FirstOrDefault(), ct)).ToApiResult());

    [Function("SetCampaignNumbers")]
    [ApiOperation("Set the organiser's numbers before launch (409 campaign.numbers_locked after); the campaign pins its own derived template", Tag = "Campaigns",
        RequestBody = typeof(OrganiserNumbers), Response = typeof(OrganiserNumbersView), Problems = [400, 401, 403, 404, 409], Query = ["kind:a unit kind for its own sheet"], Security = ["adminKey", "apiKey"])]
    public Task<IResult> Set(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/campaigns/{campaignId}/numbers")] HttpRequest request,
        string campaignId,
        CancellationToken ct) =>
        gate.RunAsync(request, async () =>
        {
            var json = await RequestBodies.ReadTextAsync(request.HttpContext, ct);
            if (json is null)
            {
                return Problems.TooLarge("提交的内容太大。", "The numbers are too large.");
            }

            var parsed = DomainJson.Parse<OrganiserNumbers>(json, "numbers.malformed");
            if (!parsed.IsSuccess)
            {
                return Problems.Validation(parsed.Errors, "提交的数据格式不正确。");
            }

            var caller = await access.ResolveAsync(request.HttpContext, ct);
            return (await numbers.SetAsync(caller, campaignId, request.Query["kind"].FirstOrDefault(), parsed.Value, ct)).ToApiResult();
        });
}
