using GuanGong.Domain;
using GuanGong.Domain.Campaigns;
using GuanGong.Domain.Standards;
using GuanGong.Functions.Http;
using GuanGong.Functions.Organisations;
using GuanGong.Functions.Standards;

namespace GuanGong.Functions.Campaigns;

/// <summary>Campaign functions: create and launch (admin key), read (admin or a committee of its scope).</summary>
internal static class CampaignEndpoints
{
    public static void MapCampaigns(this IEndpointRouteBuilder api)
    {
        var admin = api.MapGroup("/admin/campaigns").AddEndpointFilter<AdminOnly>();

        admin.MapPost("/", async (HttpContext http, CampaignStore campaigns, CommitteeDirectory directory, TemplateResolver templates, TimeProvider time, CancellationToken ct) =>
        {
            var json = await RequestBodies.ReadTextAsync(http, ct);
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
        })
        .WithName("CreateCampaign")
        .WithSummary("Create a campaign (period, pinned template, targets, ladders, look-back and township shares)")
        .Accepts<CampaignSettings>("application/json");

        admin.MapPost("/{campaignId}/launch", async (string campaignId, LaunchRequest? request, CampaignLauncher launcher, CancellationToken ct) =>
        {
            var outcome = await launcher.LaunchAsync(campaignId, request?.Year, request?.Resend == true, ct);
            return outcome.Launched is { } launched
                ? Results.Accepted($"/api/campaigns/{Uri.EscapeDataString(campaignId)}", new
                {
                    launched.CampaignId, launched.Year, launched.Round, launched.Units, launched.SkippedWithoutContact, launched.AlreadyLaunched,
                })
                : outcome.Problem!;
        })
        .WithName("LaunchCampaign")
        .WithSummary("Launch a campaign year: every unit in scope is emailed its own link, in the background (202); launching the year again sends nothing unless resend is true");

        api.MapGet("/campaigns/{campaignId}", async (string campaignId, HttpContext http, Access access, CampaignStore campaigns, CommitteeDirectory directory, CancellationToken ct) =>
        {
            var caller = await access.ResolveAsync(http, ct);
            var stored = await campaigns.GetAsync(campaignId, ct);
            if (caller is null)
            {
                return Problems.Unauthorized("请使用有效的链接或密钥查看。", "A valid link or key is required.");
            }

            var tree = await directory.GetTreeAsync(ct);
            var visible = stored is not null && (caller is AdminCaller || (caller.SubtreeRoot is { } root && (CommitteeDirectory.IsWithin(tree, root, stored.Value.Settings.OrganiserCode) || CommitteeDirectory.IsWithin(tree, stored.Value.Settings.OrganiserCode, root))));
            return visible ? Results.Json(stored!.Value, DomainJson.Options) : Problems.NotFound("找不到这次创建活动。", $"There is no campaign '{campaignId}'.");
        })
        .WithName("GetCampaign")
        .WithSummary("A campaign's settings");
    }
}
