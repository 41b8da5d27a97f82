using GuanGong.Domain.Campaigns;
using GuanGong.Domain.Organisations;

namespace GuanGong.Domain.Statistics;

/// <summary>
/// Pass rates per subtree: established, assessed, passed, 达标率 (passed / assessed), 达标面 (passed / established),
/// progress against target. "Assessed" is every unit a reviewer has judged (<see cref="UnitStatuses.IsAssessed"/>): a
/// returned unit counts as assessed and not passed until it passes, and so does a case closed at its rectification
/// deadline. A multi-year campaign reports cumulative standings: <see cref="ForCampaignYear"/>.
/// </summary>
public static class PassRates
{
    private static readonly IReadOnlySet<CommitteeLevel> GrassrootsOnly = new HashSet<CommitteeLevel> { CommitteeLevel.Grassroots };

    /// <summary>
    /// Computes the figures of <paramref name="rootCode"/>'s subtree and, recursively, of every child's subtree.
    /// </summary>
    /// <param name="tree">The organisation tree.</param>
    /// <param name="rootCode">The subtree's root.</param>
    /// <param name="statuses">Each unit's status; a counted committee not in the map is <see cref="UnitStatus.NotAssessed"/>.</param>
    /// <param name="target">The campaign's cumulative target for the year being reported; null for no progress figures.</param>
    /// <param name="countedLevels">Which levels count as "established" units; grassroots only when null (townships are reported by the township rule).</param>
    public static SubtreeFigures ForSubtree(
        OrganisationTree tree,
        string rootCode,
        IReadOnlyDictionary<string, UnitStatus> statuses,
        Percentage? target = null,
        IReadOnlySet<CommitteeLevel>? countedLevels = null)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(statuses);
        return Compute(tree, tree.Get(rootCode), statuses, target, countedLevels ?? GrassrootsOnly);
    }

    /// <summary>Figures from plain counts (for a report that already has them).</summary>
    /// <param name="code">A label for the figures.</param>
    /// <param name="established">Established units.</param>
    /// <param name="assessed">Assessed units.</param>
    /// <param name="passed">Passed units.</param>
    /// <param name="target">Optional target.</param>
    public static SubtreeFigures FromCounts(string code, int established, int assessed, int passed, Percentage? target = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(passed);
        ArgumentOutOfRangeException.ThrowIfLessThan(assessed, passed);
        ArgumentOutOfRangeException.ThrowIfLessThan(established, assessed);
        return Figures(code, established, assessed, passed, 0, target, []);
    }

    /// <summary>
    /// The figures of each kind of counted committee in the subtree (villages, schools, enterprises...), in enum order,
    /// kinds with no committee left out. E.g. a district's 404 enterprise committees with 74 rated show 18.3% of established.
    /// </summary>
    /// <param name="tree">The organisation tree.</param>
    /// <param name="rootCode">The subtree's root.</param>
    /// <param name="statuses">Each unit's status.</param>
    /// <param name="countedLevels">Which levels count; grassroots only when null.</param>
    public static IReadOnlyList<KindFigures> ByKind(
        OrganisationTree tree,
        string rootCode,
        IReadOnlyDictionary<string, UnitStatus> statuses,
        IReadOnlySet<CommitteeLevel>? countedLevels = null)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(statuses);
        var counted = countedLevels ?? GrassrootsOnly;
        return
        [
            .. tree.Subtree(rootCode)
                .Where(c => counted.Contains(c.Level))
                .GroupBy(c => c.Kind)
                .OrderBy(g => g.Key)
                .Select(g =>
                {
                    var states = g.Select(c => statuses.GetValueOrDefault(c.Code, UnitStatus.NotAssessed)).ToList();
                    var assessed = states.Count(UnitStatuses.IsAssessed);
                    var passed = states.Count(s => s == UnitStatus.Passed);
                    return new KindFigures(g.Key, states.Count, assessed, passed, new Ratio(passed, assessed), new Ratio(passed, states.Count));
                }),
        ];
    }

    /// <summary>
    /// The figures of one year of a multi-year campaign: every unit's cumulative standing at the end of
    /// <paramref name="year"/> (<see cref="Standings"/>: passed in an earlier year stays passed until revoked) against that
    /// year's cumulative target share, the units due by then (target year ≤ year), and the figures per kind, each against
    /// its own target series when the campaign gives one (分类指导).
    /// </summary>
    /// <param name="tree">The organisation tree.</param>
    /// <param name="rootCode">The subtree reported (the organiser, a township...).</param>
    /// <param name="campaign">The campaign.</param>
    /// <param name="cases">The campaign's cases, all years (later years are ignored).</param>
    /// <param name="year">The year reported.</param>
    /// <param name="countedLevels">Which levels count as established units; grassroots only when null.</param>
    public static CampaignYearFigures ForCampaignYear(
        OrganisationTree tree,
        string rootCode,
        CampaignSettings campaign,
        IEnumerable<UnitCase> cases,
        int year,
        IReadOnlySet<CommitteeLevel>? countedLevels = null)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(cases);
        var standings = Standings.AsOf(cases, year);
        var statuses = standings.ToDictionary(kv => kv.Key, kv => kv.Value.Status, StringComparer.Ordinal);
        var target = campaign.TargetFor(year);
        var byKind = ByKind(tree, rootCode, statuses, countedLevels)
            .Select(k => campaign.TargetFor(k.Kind, year) is { } t ? k with { Progress = Progress(t, k.Established, k.Passed) } : k)
            .ToList();
        return new CampaignYearFigures(
            year,
            target,
            ForSubtree(tree, rootCode, statuses, target, countedLevels),
            ForTargetYear(tree, rootCode, campaign, statuses, year),
            byKind,
            standings);
    }

    /// <summary>
    /// The units of <paramref name="rootCode"/>'s subtree due by <paramref name="year"/> (their target year, 预达标年度,
    /// is that year or earlier) and how many of them have passed.
    /// </summary>
    /// <param name="tree">The organisation tree.</param>
    /// <param name="rootCode">The subtree's root.</param>
    /// <param name="campaign">The campaign holding the units' target years.</param>
    /// <param name="statuses">Each unit's status.</param>
    /// <param name="year">The year reported.</param>
    public static TargetYearFigures ForTargetYear(
        OrganisationTree tree,
        string rootCode,
        CampaignSettings campaign,
        IReadOnlyDictionary<string, UnitStatus> statuses,
        int year)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(statuses);
        var due = tree.Subtree(rootCode)
            .Where(c => campaign.TargetYearOf(c.Code) is { } target && target <= year)
            .Select(c => c.Code)
            .ToList();
        var passed = due.Count(code => statuses.GetValueOrDefault(code) == UnitStatus.Passed);
        return new TargetYearFigures(
            year,
            due.Count,
            passed,
            new Ratio(passed, due.Count),
            [.. due.Where(code => statuses.GetValueOrDefault(code) != UnitStatus.Passed)]);
    }

    private static SubtreeFigures Compute(
        OrganisationTree tree,
        Committee node,
        IReadOnlyDictionary<string, UnitStatus> statuses,
        Percentage? target,
        IReadOnlySet<CommitteeLevel> counted)
    {
        var children = tree.Children(node.Code).Select(c => Compute(tree, c, statuses, target, counted)).ToList();
        int established = 0, assessed = 0, passed = 0, inProgress = 0;
        if (counted.Contains(node.Level))
        {
            var status = statuses.GetValueOrDefault(node.Code, UnitStatus.NotAssessed);
            established = 1;
            assessed = UnitStatuses.IsAssessed(status) ? 1 : 0;
            passed = status == UnitStatus.Passed ? 1 : 0;
            inProgress = status == UnitStatus.InProgress ? 1 : 0;
        }

        return Figures(
            node.Code,
            established + children.Sum(c => c.Established),
            assessed + children.Sum(c => c.Assessed),
            passed + children.Sum(c => c.Passed),
            inProgress + children.Sum(c => c.InProgress),
            target,
            children);
    }

    private static TargetProgress Progress(Percentage target, int established, int passed)
    {
        var required = target.MinimumCountOf(established);
        return new TargetProgress(target, required, passed, Math.Max(0, required - passed), target.IsMetBy(passed, established));
    }

    private static SubtreeFigures Figures(string code, int established, int assessed, int passed, int inProgress, Percentage? target, IReadOnlyList<SubtreeFigures> children)
    {
        var progress = target is { } t ? Progress(t, established, passed) : null;
        return new SubtreeFigures(code, established, assessed, passed, inProgress, new Ratio(passed, assessed), new Ratio(passed, established), progress, children);
    }
}
