using GuanGong.Domain;
using GuanGong.Domain.Campaigns;
using GuanGong.Domain.Standards;
using GuanGong.Functions.Http;
using GuanGong.Functions.OpenApi;
using GuanGong.Functions.Organisations;
using GuanGong.Functions.Standards;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace GuanGong.Functions.Campaigns;

/// <summary>Campaign functions: create and launch (admin key), read (admin or a committee of its scope).</summary>
public sealed class CampaignFunctions(
    HttpGate gate, AdminOnly admin, Access access, CampaignStore campaigns, CommitteeDirectory directory, TemplateResolver templates, CampaignLauncher launcher, TimeProvider time)
{
    [Function("CreateCampaign")]
    [ApiOperation("Create a campaign (period, pinned template, targets, ladders, look-back and township shares)", Tag = "Campaigns",
        RequestBody = typeof(CampaignSettings), Response = typeof(CampaignRecord), ResponseStatus = 201, Problems = [400, 401, 409, 413], Security = ["adminKey"])]
    public Task<IResult> Create(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/admin/campaigns")] HttpRequest request,
        CancellationToken ct) =>
        gate.RunAsync(request, () => admin.RunAsync(request, async () =>
        {
            var json = await RequestBodies.ReadTextAsync(request.HttpContext, ct);
            if (json is null)
            {
                return Problems.TooLarge("提交的内容太大。", "The campaign is too large.");
            }

            var parsed = DomainJson.Parse<CampaignSettings>(json, "campaign.malformed");
            if (!parsed.IsSuccess)
            {
                return Problems.Validation(parsed.Errors, "活动设置的格式不正确。");
            }

            var settings = parsed.Value;
            var catalog = new TemplateCatalog(await templates.ListAsync(ct));
            var errors = CampaignValidator.Validate(settings, await directory.GetTreeAsync(ct), catalog).ToList();
            if (!CommitteeDirectory.IsSafeCode(settings.Id))
            {
                errors.Add(new("id", "campaign.id_characters", "活动编号只能包含字母、数字、“-”“_”“.”。", "The campaign id may contain only letters, digits, '-', '_' and '.'."));
            }

            if (errors.Count > 0)
            {
                return Problems.Validation(errors, "活动设置有误。");
            }

            var record = new CampaignRecord(CampaignRecord.CurrentSchemaVersion, settings, time.GetUtcNow(), null, null);
            return await campaigns.TryAddAsync(record, ct)
                ? Results.Created($"/api/campaigns/{settings.Id}", record)
                : Problems.Conflict("campaign-exists", "该活动编号已存在。", $"Campaign {settings.Id} exists.");
        }));

    [Function("LaunchCampaign")]
    [ApiOperation("Launch a campaign year: the units whose target year has come and that have not passed (and the passed units chosen for re-examination) are emailed their own link, in the background (202); launching the year again sends nothing unless resend is true", Tag = "Campaigns",
        RequestBody = typeof(LaunchRequest), ResponseStatus = 202, Problems = [400, 401, 404, 409], Security = ["adminKey"])]
    public Task<IResult> Launch(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/admin/campaigns/{campaignId}/launch")] HttpRequest request,
        string campaignId,
        [DurableClient] DurableTaskClient engine,
        CancellationToken ct) =>
        gate.RunAsync(request, () => admin.RunAsync(request, async () =>
        {
            var json = await RequestBodies.ReadTextAsync(request.HttpContext, ct);
            if (json is null)
            {
                return Problems.TooLarge("提交的内容太大。", "The launch request is too large.");
            }

            LaunchRequest? launch = null;
            if (json.Trim().Length > 0)
            {
                var parsed = DomainJson.Parse<LaunchRequest>(json, "launch.malformed");
                if (!parsed.IsSuccess)
                {
                    return Problems.Validation(parsed.Errors, "提交的数据格式不正确。");
                }

                launch = parsed.Value;
            }

            var outcome = await launcher.LaunchAsync(engine, campaignId, launch?.Year, launch?.Resend == true, ct);
            return outcome.Launched is { } launched
                ? Results.Accepted($"/api/campaigns/{Uri.EscapeDataString(campaignId)}", new
                {
                    launched.CampaignId,
                    launched.Year,
                    launched.Round,
                    launched.Units,
                    launched.SkippedWithoutContact,
                    launched.AlreadyLaunched,
                    launched.NotInvited,
                })
                : outcome.Problem!;
        }));

    [Function("GetCampaign")]
    [ApiOperation("A campaign's settings", Tag = "Campaigns", Response = typeof(CampaignRecord), Problems = [401, 404], Security = ["adminKey", "apiKey", "link"])]
    public Task<IResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/campaigns/{campaignId}")] HttpRequest request,
        string campaignId,
        CancellationToken ct) =>
        gate.RunAsync(request, async () =>
        {
            var caller = await access.ResolveAsync(request.HttpContext, ct);
            var stored = await campaigns.GetAsync(campaignId, ct);
            if (caller is null)
            {
                return Problems.Unauthorized("请使用有效的链接或密钥查看。", "A valid link or key is required.");
            }

            var tree = await directory.GetTreeAsync(ct);
            var visible = stored is not null && (caller is AdminCaller || (caller.SubtreeRoot is { } root && (CommitteeDirectory.IsWithin(tree, root, stored.Value.Settings.OrganiserCode) || CommitteeDirectory.IsWithin(tree, stored.Value.Settings.OrganiserCode, root))));
            return visible ? Results.Json(stored!.Value, DomainJson.Options) : Problems.NotFound("找不到这次创建活动。", $"There is no campaign '{campaignId}'.");
        });
}
