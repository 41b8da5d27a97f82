using GuanGong.Domain;
using GuanGong.Domain.Campaigns;
using GuanGong.Domain.Organisations;
using GuanGong.Domain.Standards;
using GuanGong.Functions.Http;
using GuanGong.Functions.OpenApi;
using GuanGong.Functions.Records;
using GuanGong.Functions.Standards;
using Microsoft.Azure.Functions.Worker;

namespace GuanGong.Functions.Campaigns;

/// <summary>
/// The organiser's numbers (the documents leave them blank: "xxx分制", "xx分以上", "xx%"): read them with their 示例
/// marks, and set them before launch. Setting derives the campaign's own template version
/// (<see cref="CampaignSetup.SetNumbers"/>), stores it with the administrators' templates and pins it.
/// </summary>
public sealed class CampaignNumbersFunctions(HttpGate gate, Access access, CampaignStore campaigns, TemplateResolver templates)
{
    [Function("GetCampaignNumbers")]
    [ApiOperation("The organiser's numbers of a campaign (or of one kind's sheet): pass line, points, minimums, bonus cap, township share, each marked example (示例) when invented", Tag = "Campaigns",
        Response = typeof(OrganiserNumbersView), Problems = [400, 401, 403, 404], Query = ["kind:a unit kind (village, school…) for its own sheet (分类指导)"], Security = ["adminKey", "apiKey"])]
    public Task<IResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/campaigns/{campaignId}/numbers")] HttpRequest request,
        string campaignId,
        CancellationToken ct) =>
        gate.RunAsync(request, async () =>
        {
            var (stored, kind, template, refusal) = await OpenAsync(request, campaignId, ct);
            return stored is null ? refusal! : Results.Ok(View(stored.Value, kind, template!));
        });

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

            for (var attempt = 0; attempt < 5; attempt++)
            {
                var (stored, kind, template, refusal) = await OpenAsync(request, campaignId, ct);
                if (stored is null)
                {
                    return refusal!;
                }

                var campaign = stored.Value;
                var applied = CampaignSetup.SetNumbers(campaign.Settings, template!, parsed.Value, launched: campaign.LaunchedAt is not null, kind);
                if (!applied.IsSuccess)
                {
                    return applied.Errors.Any(e => e.Code == "campaign.numbers_locked")
                        ? Problems.Conflict("campaign.numbers_locked", applied.Errors[0].MessageZh, applied.Errors[0].MessageEn)
                        : Problems.Validation(applied.Errors, "分值或达标线有误。");
                }

                // The derived template first: a campaign never pins a template that is not stored. A lost
                // race for the version is another request's same change; the campaign write decides.
                await templates.TryAddAsync(applied.Value.Template, ct);
                var updated = campaign with { Settings = applied.Value.Settings };
                if (await campaigns.TryUpdateAsync(stored, updated, ct))
                {
                    return Results.Ok(View(updated, kind, applied.Value.Template));
                }
            }

            return Problems.Conflict("campaign-changed", "活动刚被他人修改，请重试。", "The campaign kept changing; retry.");
        });

    private async Task<(StoredRecord<CampaignRecord>? Campaign, CommitteeKind? Kind, StandardTemplate? Template, IResult? Refusal)> OpenAsync(HttpRequest request, string campaignId, CancellationToken ct)
    {
        var caller = await access.ResolveAsync(request.HttpContext, ct);
        var stored = await campaigns.GetAsync(campaignId, ct);
        if (caller is null)
        {
            return (null, null, null, Problems.Unauthorized("请使用管理员密钥或组织单位的访问密钥。", "The admin key or the organiser's API key is required."));
        }

        if (stored is null)
        {
            return (null, null, null, Problems.NotFound("找不到这次创建活动。", $"There is no campaign '{campaignId}'."));
        }

        var campaign = stored.Value;
        if (caller is not AdminCaller && !(caller is CommitteeCaller own && own.CommitteeCode == campaign.Settings.OrganiserCode))
        {
            return (null, null, null, Problems.Forbidden("只有活动组织单位可以设定分值和达标线。", "Only the organiser sets the campaign's numbers."));
        }

        CommitteeKind? kind = null;
        if (request.Query["kind"].FirstOrDefault() is { Length: > 0 } text)
        {
            if (!Enum.TryParse<CommitteeKind>(text, ignoreCase: true, out var parsedKind) || int.TryParse(text, out _))
            {
                return (null, null, null, Problems.BadRequest("numbers.kind_unknown", "单位类别不正确。", $"'{text}' is not a unit kind."));
            }

            kind = parsedKind;
        }

        var pin = kind is { } k ? campaign.Settings.TemplateFor(k) : campaign.Settings.Template;
        var template = await templates.FindAsync(pin, ct);
        return template is null
            ? (null, null, null, Problems.Conflict("template-unavailable", "本次活动使用的评分标准无法读取，请联系管理员。", $"Template {pin.TemplateId} v{pin.Version} cannot be resolved."))
            : (stored, kind, template, null);
    }

    private static OrganiserNumbersView View(CampaignRecord campaign, CommitteeKind? kind, StandardTemplate template)
    {
        var criteria = template.Criteria.Select((c, ci) => new CriterionNumbersView(
            Number($"criteria[{ci}].points", c.Id, c.Name, c.Points, template),
            c.MinimumPoints is { } minimum ? Number($"criteria[{ci}].minimumPoints", c.Id, c.Name, minimum, template) : null,
            [.. c.Items.Select((item, ii) => Number($"criteria[{ci}].items[{ii}].points", item.Id, item.Name, item.Points, template) with { YesNo = item.YesNo })])).ToList();
        var settings = campaign.Settings;
        return new OrganiserNumbersView(
            settings.Id,
            kind is { } k ? System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(k.ToString()) : null,
            template.Id,
            template.Version,
            settings.StandardNameFor(template),
            template.TotalPoints,
            Number("passThreshold", null, "达标线", template.PassThreshold, template),
            criteria,
            template.Bonus is { } bonus ? Number("bonus.cap", null, "加分上限", bonus.Cap, template) : null,
            [.. (template.Bonus?.Items ?? []).Select((b, bi) => Number($"bonus.items[{bi}].points", b.Id, b.Name, b.Points, template))],
            settings.TownshipUnitShare.Value,
            Wording.KindList(settings.CountedKinds),
            campaign.LaunchedAt is not null);
    }

    private static NumberView Number(string path, string? id, string name, decimal value, StandardTemplate template) =>
        new(path, id, name, value, template.IsExample(path));
}
