using GuanGong.Domain.Campaigns;
using GuanGong.Domain.Organisations;
using GuanGong.Domain.Standards;

namespace GuanGong.Functions.Standards;

/// <summary>
/// The campaign's own name for its standard (六好基层关工委, 五有五好基层关工委…), for page headers and mail, never a
/// hard-coded 五好: the campaign's <c>standardName</c>, else the pinned template's, else the template's name.
/// </summary>
public sealed class StandardNames(TemplateResolver templates, Campaigns.CampaignStore campaigns)
{
    /// <summary>What pages without a campaign say.</summary>
    public const string NoCampaign = "关工委创建";

    /// <summary>The standard's name for <paramref name="settings"/> (for a unit of <paramref name="kind"/>, its kind's sheet).</summary>
    public async Task<string> ForAsync(CampaignSettings settings, CommitteeKind? kind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var pin = kind is { } k ? settings.TemplateFor(k) : settings.Template;
        return await templates.FindAsync(pin, cancellationToken) is { } template
            ? settings.StandardNameFor(template)
            : settings.StandardName ?? NoCampaign;
    }

    /// <summary>The standard's name for a case: its campaign's name for the sheet the case was scored on.</summary>
    public async Task<string> ForCaseAsync(string campaignId, TemplatePin scoredOn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scoredOn);
        var campaign = await campaigns.FindAsync(campaignId, cancellationToken);
        var template = await templates.FindAsync(scoredOn, cancellationToken);
        return campaign is null ? NoCampaign
            : template is null ? campaign.Settings.StandardName ?? NoCampaign
            : campaign.Settings.StandardNameFor(template);
    }

    /// <summary>The header line for a campaign's pages: “六好基层关工委”创建.</summary>
    public static string Header(string standardName) => standardName == NoCampaign ? NoCampaign : $"“{standardName}”创建";
}
