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

        admin.MapPost("/{campaignId}/launch", async (string campaignId, LaunchRequest? request, CampaignStore campaigns, CommitteeDirectory directory, CampaignLauncher launcher, TimeProvider time, CancellationToken ct) =>
        {
            var stored = await campaigns.GetAsync(campaignId, ct);
            if (stored is null)
            {
                return Problems.NotFound("找不到这次创建活动。", $"There is no campaign '{campaignId}'.");
            }

            var settings = stored.Value.Settings;
            var year = request?.Year ?? stored.Value.LaunchYear ?? settings.StartYear;
            if (year < settings.StartYear || year > settings.EndYear)
            {
                return Problems.Validation([new("year", "launch.year_out_of_range", $"年度必须在 {settings.StartYear} 到 {settings.EndYear} 之间。", "The year is outside the campaign.")]);
            }

            // A repeated launch (a double click, a retried request) must not email every unit again;
            // a launch that died before its invitations all went out has no InvitedYear and sends them.
            if (stored.Value.InvitedYear == year && request?.Resend != true)
            {
                return Results.Ok(new { campaignId, year, invited = 0, skippedWithoutContact = Array.Empty<string>(), alreadyLaunched = true });
            }

            var launched = stored.Value with { LaunchedAt = stored.Value.LaunchedAt ?? time.GetUtcNow(), LaunchYear = year };
            if (launched != stored.Value && !await campaigns.TryUpdateAsync(stored, launched, ct))
            {
                return Problems.Conflict("campaign-changed", "活动刚被他人修改，请重试。", "The campaign changed meanwhile; retry.");
            }

            var (invited, skipped) = await launcher.InviteAsync(launched, await directory.GetTreeAsync(ct), year, ct);
            await campaigns.UpdateAsync(campaignId, c => c.InvitedYear == year ? null : c with { InvitedYear = year }, ct);
            return Results.Ok(new { campaignId, year, invited = invited.Count, skippedWithoutContact = skipped, alreadyLaunched = false });
        })
        .WithName("LaunchCampaign")
        .WithSummary("Launch a campaign year: email every unit in scope its own link");

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
