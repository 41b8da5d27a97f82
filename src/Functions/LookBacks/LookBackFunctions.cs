using GuanGong.Domain;
using GuanGong.Functions.Audit;
using GuanGong.Functions.Campaigns;
using GuanGong.Functions.Cases;
using GuanGong.Functions.Cases.Workflow;
using GuanGong.Functions.Http;
using GuanGong.Functions.OpenApi;
using GuanGong.Functions.Organisations;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace GuanGong.Functions.LookBacks;

/// <summary>
/// The look-back (回头看) over HTTP: draw a seeded sample, read it, record findings per unit, then order 限期整改 or
/// 撤销. Callers: the admin key (acting for the campaign's organiser, or for the committee it names when drawing), or
/// a committee's API key (acting for its own committee: a township for its own units). Dashboard links only read.
/// </summary>
public sealed class LookBackFunctions(HttpGate gate, Access access, CampaignStore campaigns, CommitteeDirectory directory, LookBackStore store, LookBackService lookBacks)
{
    [Function("DrawLookBack")]
    [ApiOperation("Draw a look-back (回头看): a seeded, recorded random sample of the passed units at the campaign's look-back share", Tag = "LookBacks",
        RequestBody = typeof(DrawLookBackRequest), Response = typeof(LookBackRecord), ResponseStatus = 201, Problems = [400, 401, 403, 404, 409, 413], Security = ["adminKey", "apiKey"])]
    public Task<IResult> Draw(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/campaigns/{campaignId}/lookbacks")] HttpRequest request,
        string campaignId,
        CancellationToken ct) =>
        ActAsync<DrawLookBackRequest, LookBackRecord>(
            request,
            campaignId,
            body => body.CommitteeCode,
            (body, committee, origin) => lookBacks.DrawAsync(campaignId, committee, body, origin, ct),
            drawn =>
            {
                request.HttpContext.Response.Headers.Location = $"/api/campaigns/{Uri.EscapeDataString(campaignId)}/lookbacks/{Uri.EscapeDataString(drawn.LookBackId)}";
                return Results.Json(drawn, DomainJson.Options, statusCode: StatusCodes.Status201Created);
            },
            ct);

    [Function("ListLookBacks")]
    [ApiOperation("The campaign's look-backs, newest first (the ones in the caller's reach)", Tag = "LookBacks",
        Response = typeof(LookBackList), Problems = [401, 403, 404], Security = ["adminKey", "apiKey", "link"])]
    public Task<IResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/campaigns/{campaignId}/lookbacks")] HttpRequest request,
        string campaignId,
        CancellationToken ct) =>
        gate.RunAsync(request, async () =>
        {
            var (caller, refusal) = await ReaderAsync(request, campaignId, ct);
            if (caller is null)
            {
                return refusal!;
            }

            var tree = await directory.GetTreeAsync(ct);
            var all = await store.ListAsync(campaignId, ct);
            return Results.Json(new LookBackList(campaignId, [.. all.Where(l => Access.MayRead(caller, tree, l.CommitteeCode))]), DomainJson.Options);
        });

    [Function("GetLookBack")]
    [ApiOperation("One look-back: its seed, share, strata, the units drawn, findings and orders", Tag = "LookBacks",
        Response = typeof(LookBackRecord), Problems = [401, 403, 404], Security = ["adminKey", "apiKey", "link"])]
    public Task<IResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/campaigns/{campaignId}/lookbacks/{lookBackId}")] HttpRequest request,
        string campaignId,
        string lookBackId,
        CancellationToken ct) =>
        gate.RunAsync(request, async () =>
        {
            var (caller, refusal) = await ReaderAsync(request, campaignId, ct);
            if (caller is null)
            {
                return refusal!;
            }

            var tree = await directory.GetTreeAsync(ct);
            var stored = await store.GetAsync(campaignId, lookBackId, ct);
            return stored is null || !Access.MayRead(caller, tree, stored.Value.CommitteeCode)
                ? Problems.NotFound("找不到这次回头看。", $"There is no look-back '{lookBackId}' in reach.")
                : Results.Json(stored.Value, DomainJson.Options);
        });

    [Function("RecordLookBackFinding")]
    [ApiOperation("Record what the look-back's check found at one unit drawn", Tag = "LookBacks",
        RequestBody = typeof(LookBackFindingRequest), Response = typeof(LookBackRecord), Problems = [400, 401, 403, 404, 413], Security = ["adminKey", "apiKey"])]
    public Task<IResult> RecordFinding(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/campaigns/{campaignId}/lookbacks/{lookBackId}/units/{unitCode}/findings")] HttpRequest request,
        string campaignId,
        string lookBackId,
        string unitCode,
        CancellationToken ct) =>
        ActAsync<LookBackFindingRequest, LookBackRecord>(
            request,
            campaignId,
            _ => null,
            (body, committee, origin) => lookBacks.RecordFindingAsync(campaignId, lookBackId, unitCode, committee, body, origin, ct),
            record => Results.Json(record, DomainJson.Options),
            ct);

    [Function("OrderLookBackRectification")]
    [ApiOperation("限期整改: the unit drawn must put its faults right by a deadline in China working days, resubmit, and be reviewed again at the verdict stage", Tag = "LookBacks",
        RequestBody = typeof(LookBackRectificationRequest), Response = typeof(LookBackOrderResult), Problems = [400, 401, 403, 404, 409, 413], Security = ["adminKey", "apiKey"])]
    public Task<IResult> OrderRectification(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/campaigns/{campaignId}/lookbacks/{lookBackId}/units/{unitCode}/rectification")] HttpRequest request,
        [DurableClient] DurableTaskClient engine,
        string campaignId,
        string lookBackId,
        string unitCode,
        CancellationToken ct) =>
        ActAsync<LookBackRectificationRequest, CaseRecord>(
            request,
            campaignId,
            _ => null,
            (body, committee, origin) => lookBacks.OrderRectificationAsync(new CaseWorkflowClient(engine), campaignId, lookBackId, unitCode, committee, body, origin, ct),
            updated => Results.Json(Result(updated), DomainJson.Options),
            ct);

    [Function("RevokeAfterLookBack")]
    [ApiOperation("撤销: the unit drawn loses its status at once (audited; the figures and the township's rating update)", Tag = "LookBacks",
        RequestBody = typeof(LookBackRevocationRequest), Response = typeof(LookBackOrderResult), Problems = [400, 401, 403, 404, 409, 413], Security = ["adminKey", "apiKey"])]
    public Task<IResult> Revoke(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/campaigns/{campaignId}/lookbacks/{lookBackId}/units/{unitCode}/revocation")] HttpRequest request,
        string campaignId,
        string lookBackId,
        string unitCode,
        CancellationToken ct) =>
        ActAsync<LookBackRevocationRequest, CaseRecord>(
            request,
            campaignId,
            _ => null,
            (body, committee, origin) => lookBacks.RevokeAsync(campaignId, lookBackId, unitCode, committee, body, origin, ct),
            updated => Results.Json(Result(updated), DomainJson.Options),
            ct);

    // Every order has one shape: read the JSON body, resolve who acts (and for whom), let the service act, answer.
    private Task<IResult> ActAsync<TBody, TValue>(
        HttpRequest request,
        string campaignId,
        Func<TBody, string?> actingFor,
        Func<TBody, string, RequestOrigin?, Task<LookBackService.Outcome<TValue>>> act,
        Func<TValue, IResult> answer,
        CancellationToken ct)
        where TBody : class
        where TValue : class =>
        gate.RunAsync(request, async () =>
        {
            var (body, problem) = await RequestBodies.ReadJsonAsync<TBody>(request, "lookback.malformed", ct);
            if (body is null)
            {
                return problem!;
            }

            var (committee, refusal) = await ActingCommitteeAsync(request, campaignId, actingFor(body), ct);
            if (committee is null)
            {
                return refusal!;
            }

            var outcome = await act(body, committee, RequestOrigin.From(request.HttpContext));
            return outcome.Value is { } value ? answer(value) : Problems.Refusal(outcome.Errors, outcome.Status);
        });

    private static LookBackOrderResult Result(CaseRecord @case) =>
        new(@case.CaseId, @case.UnitCode, @case.State.Status.ToString(), @case.LookBack!, $"/api/cases/{Uri.EscapeDataString(@case.CaseId)}");

    // Who acts: a committee's API key for itself; the admin key for the committee named (drawing) or the organiser.
    private async Task<(string? Committee, IResult? Refusal)> ActingCommitteeAsync(HttpRequest request, string campaignId, string? named, CancellationToken ct)
    {
        var caller = await access.ResolveAsync(request.HttpContext, ct);
        switch (caller)
        {
            case null:
                return (null, Problems.Unauthorized("请使用管理员密钥或关工委访问密钥。", "The admin key or a committee API key is required."));
            case CommitteeCaller { Via: "api-key" } committee:
                return named is null || named == committee.CommitteeCode
                    ? (committee.CommitteeCode, null)
                    : (null, Problems.Forbidden("访问密钥只能代表本关工委办理。", "A committee key acts only for its own committee."));
            case AdminCaller:
                var campaign = await campaigns.FindAsync(campaignId, ct);
                return campaign is null
                    ? (null, Problems.NotFound("找不到这次创建活动。", $"There is no campaign '{campaignId}'."))
                    : (named ?? campaign.Settings.OrganiserCode, null);
            default:
                return (null, Problems.Forbidden("统计链接和单位链接不能办理回头看。", "Links may only read; use the admin key or a committee API key."));
        }
    }

    private async Task<(Caller? Caller, IResult? Refusal)> ReaderAsync(HttpRequest request, string campaignId, CancellationToken ct)
    {
        var caller = await access.ResolveAsync(request.HttpContext, ct);
        if (caller is not (AdminCaller or CommitteeCaller))
        {
            return (null, caller is null
                ? Problems.Unauthorized("请使用管理员密钥、关工委访问密钥或统计链接查看。", "The admin key, a committee API key or a dashboard link is required.")
                : Problems.Forbidden("单位链接不能查看回头看。", "A unit's link cannot read look-backs."));
        }

        return await campaigns.FindAsync(campaignId, ct) is null
            ? (null, Problems.NotFound("找不到这次创建活动。", $"There is no campaign '{campaignId}'."))
            : (caller, null);
    }

}
