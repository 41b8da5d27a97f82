using GuanGong.Domain;
using GuanGong.Domain.Campaigns;
using GuanGong.Domain.Organisations;
using GuanGong.Domain.Standards;
using GuanGong.Functions.Http;
using GuanGong.Functions.Records;
using GuanGong.Functions.Standards;

namespace GuanGong.Functions.Campaigns;

/// <summary>
/// The organiser's numbers of one campaign (or one kind's sheet), read and set on behalf of a caller: the one place
/// the API (<see cref="CampaignNumbersFunctions"/>) and the organiser's page (<see cref="Pages.CampaignNumbersPages"/>)
/// both go through, so they refuse the same callers and apply the same rules.
/// </summary>
public sealed class CampaignNumbers(CampaignStore campaigns, TemplateResolver templates)
{
    /// <summary>The numbers as they stand, or why the caller cannot have them.</summary>
    public async Task<NumbersOutcome> ReadAsync(Caller? caller, string campaignId, string? kindText, CancellationToken ct)
    {
        var opened = await OpenAsync(caller, campaignId, kindText, ct);
        return opened.Refusal ?? NumbersOutcome.Ok(View(opened.Campaign!.Value, opened.Kind, opened.Template!));
    }

    /// <summary>Sets the numbers before launch: derives the campaign's own template version, stores it, pins it.</summary>
    public async Task<NumbersOutcome> SetAsync(Caller? caller, string campaignId, string? kindText, OrganiserNumbers numbers, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var opened = await OpenAsync(caller, campaignId, kindText, ct);
            if (opened.Refusal is { } refusal)
            {
                return refusal;
            }

            var campaign = opened.Campaign!.Value;
            var applied = CampaignSetup.SetNumbers(campaign.Settings, opened.Template!, numbers, launched: campaign.LaunchedAt is not null, opened.Kind);
            if (!applied.IsSuccess)
            {
                return applied.Errors.Any(e => e.Code == "campaign.numbers_locked")
                    ? NumbersOutcome.Refused(StatusCodes.Status409Conflict, "campaign.numbers_locked", applied.Errors[0].MessageZh, applied.Errors[0].MessageEn)
                    : NumbersOutcome.Invalid(applied.Errors);
            }

            // The derived template first: a campaign never pins a template that is not stored. A lost
            // race for the version is another request's same change; the campaign write decides.
            await templates.TryAddAsync(applied.Value.Template, ct);
            var updated = campaign with { Settings = applied.Value.Settings };
            if (await campaigns.TryUpdateAsync(opened.Campaign, updated, ct))
            {
                return NumbersOutcome.Ok(View(updated, opened.Kind, applied.Value.Template));
            }
        }

        return NumbersOutcome.Refused(StatusCodes.Status409Conflict, "campaign-changed", "活动刚被他人修改，请重试。", "The campaign kept changing; retry.");
    }

    private async Task<(StoredRecord<CampaignRecord>? Campaign, CommitteeKind? Kind, StandardTemplate? Template, NumbersOutcome? Refusal)> OpenAsync(
        Caller? caller, string campaignId, string? kindText, CancellationToken ct)
    {
        if (caller is null)
        {
            return (null, null, null, NumbersOutcome.Refused(StatusCodes.Status401Unauthorized, "unauthorized", "请使用管理员密钥或组织单位的访问密钥。", "The admin key or the organiser's API key is required."));
        }

        var stored = await campaigns.GetAsync(campaignId, ct);
        if (stored is null)
        {
            return (null, null, null, NumbersOutcome.Refused(StatusCodes.Status404NotFound, "not-found", "找不到这次创建活动。", $"There is no campaign '{campaignId}'."));
        }

        var campaign = stored.Value;
        if (caller is not AdminCaller && !(caller is CommitteeCaller own && own.CommitteeCode == campaign.Settings.OrganiserCode))
        {
            return (null, null, null, NumbersOutcome.Refused(StatusCodes.Status403Forbidden, "forbidden", "只有活动组织单位可以设定分值和达标线。", "Only the organiser sets the campaign's numbers."));
        }

        CommitteeKind? kind = null;
        if (kindText is { Length: > 0 })
        {
            if (!Enum.TryParse<CommitteeKind>(kindText, ignoreCase: true, out var parsedKind) || int.TryParse(kindText, out _) || !Enum.IsDefined(parsedKind))
            {
                return (null, null, null, NumbersOutcome.Refused(StatusCodes.Status400BadRequest, "numbers.kind_unknown", "单位类别不正确。", $"'{kindText}' is not a unit kind."));
            }

            kind = parsedKind;
        }

        var pin = kind is { } k ? campaign.Settings.TemplateFor(k) : campaign.Settings.Template;
        var template = await templates.FindAsync(pin, ct);
        return template is null
            ? (null, null, null, NumbersOutcome.Refused(StatusCodes.Status409Conflict, "template-unavailable", "本次活动使用的评分标准无法读取，请联系管理员。", $"Template {pin.TemplateId} v{pin.Version} cannot be resolved."))
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
            campaign.LaunchedAt is not null)
        {
            KindsWithOwnSheet = [.. (settings.KindTemplates ?? []).Select(t => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(t.Kind.ToString()))],
        };
    }

    private static NumberView Number(string path, string? id, string name, decimal value, StandardTemplate template) =>
        new(path, id, name, value, template.IsExample(path));
}

/// <summary>What reading or setting the numbers came to: the view, a refusal (status, code, messages), or the rule errors.</summary>
public sealed record NumbersOutcome(OrganiserNumbersView? View, int Status, string? Code, string? MessageZh, string? MessageEn, IReadOnlyList<ValidationError> Errors)
{
    public static NumbersOutcome Ok(OrganiserNumbersView view) => new(view, StatusCodes.Status200OK, null, null, null, []);

    public static NumbersOutcome Refused(int status, string code, string zh, string en) => new(null, status, code, zh, en, []);

    public static NumbersOutcome Invalid(IReadOnlyList<ValidationError> errors) => new(null, StatusCodes.Status400BadRequest, "validation", "分值或达标线有误。", "The numbers do not add up.", errors);

    /// <summary>The outcome as the API answers it: the view, or problem details.</summary>
    public IResult ToApiResult() => View is { } view ? Results.Ok(view) : Status switch
    {
        StatusCodes.Status400BadRequest when Errors.Count > 0 => Problems.Validation(Errors, MessageZh!),
        StatusCodes.Status400BadRequest => Problems.BadRequest(Code!, MessageZh!, MessageEn!),
        StatusCodes.Status401Unauthorized => Problems.Unauthorized(MessageZh!, MessageEn!),
        StatusCodes.Status403Forbidden => Problems.Forbidden(MessageZh!, MessageEn!),
        StatusCodes.Status404NotFound => Problems.NotFound(MessageZh!, MessageEn!),
        _ => Problems.Conflict(Code!, MessageZh!, MessageEn!),
    };
}
