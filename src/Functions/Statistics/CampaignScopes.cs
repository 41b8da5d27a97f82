using GuanGong.Domain;
using GuanGong.Functions.Campaigns;
using GuanGong.Functions.Cases;
using GuanGong.Functions.Http;
using GuanGong.Functions.Organisations;

namespace GuanGong.Functions.Statistics;

/// <summary>
/// Resolves who may see which part of a campaign's results, for statistics and exports alike: an
/// administrator sees any subtree, a committee (API key or dashboard link) only subtrees within its
/// own. The root defaults to the campaign's organiser (or, for a committee below the organiser, to
/// the committee itself); the year to the launch year, else the start year.
/// </summary>
public sealed class CampaignScopes(Access access, CampaignStore campaigns, CommitteeDirectory directory, CaseStore cases, Standards.StandardNames standardNames)
{
    /// <summary>The scope named by a request's <c>root</c> and <c>year</c> query parameters, for its caller.</summary>
    public async Task<(CampaignScope? Scope, IResult? Refusal)> ResolveQueryAsync(HttpRequest request, string campaignId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var root = request.Query["root"].FirstOrDefault() is { Length: > 0 } r ? r : null;
        int? year = null;
        if (request.Query["year"].FirstOrDefault() is { Length: > 0 } y)
        {
            if (!int.TryParse(y, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed))
            {
                return (null, Http.Problems.BadRequest("bad-year", "年度必须是数字，例如 2026。", $"The year '{y}' is not a number."));
            }

            year = parsed;
        }

        return await ResolveAsync(request.HttpContext, campaignId, root, year, cancellationToken);
    }

    public async Task<(CampaignScope? Scope, IResult? Refusal)> ResolveAsync(HttpContext context, string campaignId, string? root, int? year, CancellationToken cancellationToken) =>
        await ResolveAsync(await access.ResolveAsync(context, cancellationToken), campaignId, root, year, cancellationToken);

    /// <summary>The scope for a caller already resolved (the dashboard pages also admit an admin's signed-in session).</summary>
    public async Task<(CampaignScope? Scope, IResult? Refusal)> ResolveAsync(Caller? caller, string campaignId, string? root, int? year, CancellationToken cancellationToken)
    {
        if (caller is not (AdminCaller or CommitteeCaller))
        {
            return (null, caller is null
                ? Problems.Unauthorized("请使用管理员密钥、关工委访问密钥或统计链接查看。", "The admin key, a committee API key or a dashboard link is required.")
                : Problems.Forbidden("单位链接不能查看统计结果。", "A unit's link does not grant access to campaign results."));
        }

        var campaign = await campaigns.GetAsync(campaignId, cancellationToken);
        if (campaign is null)
        {
            return (null, Problems.NotFound("找不到该创建活动。", $"Campaign '{campaignId}' does not exist."));
        }

        var settings = campaign.Value.Settings;
        var tree = await directory.GetTreeAsync(cancellationToken);
        var rootCode = root ?? DefaultRoot(caller, tree, settings.OrganiserCode);
        var chosenYear = year ?? campaign.Value.LaunchYear ?? settings.StartYear;
        var errors = new List<ValidationError>();
        if (!tree.Contains(rootCode))
        {
            errors.Add(new("root", "statistics.root_unknown", $"组织架构中没有编码为“{rootCode}”的关工委。", $"No committee has the code '{rootCode}'."));
        }

        if (chosenYear < settings.StartYear || chosenYear > settings.EndYear)
        {
            errors.Add(new("year", "statistics.year_outside_campaign", $"年份须在 {settings.StartYear} 至 {settings.EndYear} 之间。", $"The year must be between {settings.StartYear} and {settings.EndYear}."));
        }

        if (errors.Count > 0)
        {
            return (null, Problems.Validation(errors));
        }

        if (!Access.MayRead(caller, tree, rootCode))
        {
            return (null, Problems.Forbidden("您只能查看本级及下级关工委的结果。", $"'{rootCode}' is outside the caller's subtree."));
        }

        var latest = (await cases.ListAsync(campaignId, chosenYear, cancellationToken))
            .Where(c => CommitteeDirectory.IsWithin(tree, c.UnitCode, rootCode))
            .GroupBy(c => c.UnitCode, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(c => c.SubmittedAt).ThenBy(c => c.UpdatedAt).Last(), StringComparer.Ordinal);

        // Standing is cumulative over the campaign's years: each earlier year through the same cache.
        var earlier = new List<CaseRecord>();
        for (var y = settings.StartYear; y < chosenYear; y++)
        {
            earlier.AddRange((await cases.ListAsync(campaignId, y, cancellationToken)).Where(c => CommitteeDirectory.IsWithin(tree, c.UnitCode, rootCode)));
        }

        return (new CampaignScope(campaign.Value, tree, rootCode, chosenYear, latest) 
        {
            EarlierCases = earlier,
            WithoutCommittee = Domain.Statistics.Coverage.WithoutCommitteeUnder(tree, rootCode, await directory.GetWithoutCommitteeAsync(cancellationToken)),
            StandardName = await standardNames.ForAsync(settings, null, cancellationToken),
        }, null);
    }

    // A committee below the organiser sees its own subtree unless it asks for another it may read.
    private static string DefaultRoot(Caller caller, Domain.Organisations.OrganisationTree tree, string organiser) =>
        caller is CommitteeCaller own && !CommitteeDirectory.IsWithin(tree, organiser, own.CommitteeCode) ? own.CommitteeCode : organiser;
}
