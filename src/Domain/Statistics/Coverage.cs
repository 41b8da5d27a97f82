using GuanGong.Domain.Organisations;

namespace GuanGong.Domain.Statistics;

/// <summary>
/// 组建率 (coverage of committees): the tree holds the units with a committee; the units that have not yet set one up
/// (未建关工委/关工小组) are held beside it, each under the committee above it. Both count in 应建; only the first in 已建.
/// </summary>
public static class Coverage
{
    /// <summary>
    /// The units without a committee that sit in the subtree of <paramref name="rootCode"/> (their parent is the root
    /// or below it); a unit whose parent the tree no longer holds is left out.
    /// </summary>
    public static IReadOnlyList<Committee> WithoutCommitteeUnder(OrganisationTree tree, string rootCode, IEnumerable<Committee> withoutCommittee)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(withoutCommittee);
        return
        [
            .. withoutCommittee.Where(u => u.ParentCode is { } parent && tree.Contains(parent)
                && (parent == rootCode || tree.Ancestors(parent).Any(a => a.Code == rootCode))),
        ];
    }

    /// <summary>
    /// 应建 / 已建 / 组建率 / 参评 / 通过 by kind: the figures of the committees (<paramref name="established"/>) with the
    /// units without one added to 应建. A kind with no committee at all yet still shows (已建 0, 组建率 0.0%).
    /// </summary>
    public static IReadOnlyList<KindCoverage> ByKind(IEnumerable<KindFigures> established, IEnumerable<Committee> withoutCommittee)
    {
        ArgumentNullException.ThrowIfNull(established);
        ArgumentNullException.ThrowIfNull(withoutCommittee);
        var figures = established.ToDictionary(f => f.Kind);
        var missing = withoutCommittee.GroupBy(u => u.Kind).ToDictionary(g => g.Key, g => g.Count());
        return
        [
            .. figures.Keys.Union(missing.Keys).Order().Select(kind =>
            {
                var f = figures.GetValueOrDefault(kind);
                var have = f?.Established ?? 0;
                return new KindCoverage(kind, have + missing.GetValueOrDefault(kind), have, f?.Assessed ?? 0, f?.Passed ?? 0);
            }),
        ];
    }

    /// <summary>The whole subtree's line: the sums over the kinds.</summary>
    public static KindCoverage Total(IReadOnlyList<KindCoverage> byKind)
    {
        ArgumentNullException.ThrowIfNull(byKind);
        return new KindCoverage(CommitteeKind.Other, byKind.Sum(k => k.ShouldEstablish), byKind.Sum(k => k.Established), byKind.Sum(k => k.Assessed), byKind.Sum(k => k.Passed));
    }
}
