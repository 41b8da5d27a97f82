using GuanGong.Domain.Organisations;

namespace GuanGong.Domain.Scoring;

/// <summary>
/// The township rule: a township, street or education bureau is rated (e.g. Five-Good) only if it meets the standard
/// itself AND at least the campaign's share of its counted units are rated. The documents count villages, communities
/// and schools ("≥ xx% of its villages, communities and schools"), not enterprises or 机关; the counted kinds are a
/// campaign setting (<see cref="Campaigns.CampaignSettings.CountedKinds"/>, default 村、社区、学校). The share is
/// counted over all the counted units directly under it (established units), so a unit not yet assessed counts as not
/// passed.
/// </summary>
/// <remarks>
/// <para>The function is pure: the app calls it again whenever the township's own verdict or any of its units' verdicts
/// changes (a unit passes, fails, or loses its status after a look-back), and stores the new rating.
/// <see cref="TownshipOf"/> finds the township to re-evaluate from the unit whose verdict changed.</para>
/// <para>A township with no counted units meets the share vacuously (0 of 0), so only its own verdict counts.</para>
/// <para>The share is compared exactly: passed × 100 ≥ share × total (56 of 70 meets 80%; 7 of 10 does not).</para>
/// <para>The rating names the kinds it counted (<see cref="TownshipRating.CountedKinds"/>): show them wherever the result is shown.</para>
/// </remarks>
public static class TownshipRule
{
    /// <summary>
    /// Evaluates the rule as the app did before issue 15, counting every grassroots unit under the township (enterprises
    /// and 机关 included); kept unchanged for its callers. The documented rule counts the campaign's kinds: call the
    /// overload with <see cref="Campaigns.CampaignSettings.CountedKinds"/>.
    /// </summary>
    /// <param name="tree">The organisation tree.</param>
    /// <param name="townshipCode">The township's code; it must be at <see cref="CommitteeLevel.Township"/>.</param>
    /// <param name="townshipPassed">The township's own verdict: true passed, false failed, null not decided yet.</param>
    /// <param name="passedUnitCodes">The codes of the units whose status is currently "passed" (others are ignored).</param>
    /// <param name="requiredShare">The campaign's share, e.g. 80%.</param>
    public static TownshipRating Evaluate(
        OrganisationTree tree,
        string townshipCode,
        bool? townshipPassed,
        IReadOnlySet<string> passedUnitCodes,
        Percentage requiredShare)
    {
        return Rate(tree, townshipCode, townshipPassed, passedUnitCodes, requiredShare, null);
    }

    /// <summary>Evaluates the rule for a township against the current verdicts, counting the units of <paramref name="countedKinds"/>.</summary>
    /// <param name="tree">The organisation tree.</param>
    /// <param name="townshipCode">The township's code; it must be at <see cref="CommitteeLevel.Township"/>.</param>
    /// <param name="townshipPassed">The township's own verdict: true passed, false failed, null not decided yet.</param>
    /// <param name="passedUnitCodes">The codes of the units whose status is currently "passed" (others are ignored).</param>
    /// <param name="requiredShare">The campaign's share, e.g. 80%.</param>
    /// <param name="countedKinds">The kinds of grassroots unit counted (<see cref="Campaigns.CampaignSettings.CountedKinds"/>); not empty.</param>
    public static TownshipRating Evaluate(
        OrganisationTree tree,
        string townshipCode,
        bool? townshipPassed,
        IReadOnlySet<string> passedUnitCodes,
        Percentage requiredShare,
        IReadOnlyList<CommitteeKind> countedKinds)
    {
        ArgumentNullException.ThrowIfNull(countedKinds);
        if (countedKinds.Count == 0)
        {
            throw new ArgumentException("The township rule needs at least one counted kind.", nameof(countedKinds));
        }

        return Rate(tree, townshipCode, townshipPassed, passedUnitCodes, requiredShare, [.. countedKinds.Distinct().Order()]);
    }

    // countedKinds null: every grassroots unit, as before issue 15 (and the reason text it gave).
    private static TownshipRating Rate(
        OrganisationTree tree,
        string townshipCode,
        bool? townshipPassed,
        IReadOnlySet<string> passedUnitCodes,
        Percentage requiredShare,
        IReadOnlyList<CommitteeKind>? countedKinds)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(passedUnitCodes);
        var township = tree.Get(townshipCode);
        if (township.Level != CommitteeLevel.Township)
        {
            throw new ArgumentException($"'{townshipCode}' is a {township.Level} committee, not a township.", nameof(townshipCode));
        }

        var units = tree.Children(townshipCode).Where(c => c.Level == CommitteeLevel.Grassroots && (countedKinds?.Contains(c.Kind) ?? true)).ToList();
        var passed = units.Count(u => passedUnitCodes.Contains(u.Code));
        var required = requiredShare.MinimumCountOf(units.Count);
        var reasons = new List<string>();
        var selfPassed = townshipPassed == true;
        if (!selfPassed)
        {
            reasons.Add(townshipPassed is null
                ? "本级尚未验收 / the township's own assessment is not decided"
                : "本级未达标 / the township itself did not pass");
        }

        var shareMet = requiredShare.IsMetBy(passed, units.Count);
        if (!shareMet)
        {
            reasons.Add(countedKinds is null
                ? $"所属基层单位达标 {passed}/{units.Count}，未达到 {requiredShare}（至少 {required} 个）"
                    + $" / {passed} of {units.Count} units passed, below {requiredShare} (at least {required})"
                : $"所属{Wording.KindList(countedKinds)}达标 {passed}/{units.Count}，未达到 {requiredShare}（至少 {required} 个）"
                    + $" / {passed} of {units.Count} counted units ({string.Join(", ", countedKinds)}) passed, below {requiredShare} (at least {required})");
        }

        return new TownshipRating(township.Code, selfPassed && shareMet, selfPassed, passed, units.Count, requiredShare, required, reasons)
        {
            CountedKinds = countedKinds,
        };
    }

    /// <summary>
    /// The township whose rating depends on <paramref name="unitCode"/>'s verdict: its parent when that is a township; null
    /// otherwise. (A unit of a kind the campaign does not count still returns its township; re-rating it is harmless.)
    /// </summary>
    /// <param name="tree">The organisation tree.</param>
    /// <param name="unitCode">The unit whose verdict changed.</param>
    public static Committee? TownshipOf(OrganisationTree tree, string unitCode)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var unit = tree.Get(unitCode);
        var parent = tree.Parent(unitCode);
        return unit.Level == CommitteeLevel.Grassroots && parent?.Level == CommitteeLevel.Township ? parent : null;
    }

    /// <summary>Evaluates the rule for every township in <paramref name="rootCode"/>'s subtree (e.g. all townships of a county), in tree order, counting every grassroots unit as before issue 15.</summary>
    /// <param name="tree">The organisation tree.</param>
    /// <param name="rootCode">The subtree's root.</param>
    /// <param name="townshipVerdicts">Each township's own verdict (true passed, false failed); absent means not decided.</param>
    /// <param name="passedUnitCodes">The codes of the units currently passed.</param>
    /// <param name="requiredShare">The campaign's share.</param>
    public static IReadOnlyList<TownshipRating> EvaluateAll(
        OrganisationTree tree,
        string rootCode,
        IReadOnlyDictionary<string, bool> townshipVerdicts,
        IReadOnlySet<string> passedUnitCodes,
        Percentage requiredShare)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(townshipVerdicts);
        return
        [
            .. tree.Subtree(rootCode)
                .Where(c => c.Level == CommitteeLevel.Township)
                .Select(t => Evaluate(tree, t.Code, townshipVerdicts.TryGetValue(t.Code, out var v) ? v : null, passedUnitCodes, requiredShare)),
        ];
    }

    /// <summary>Evaluates the rule for every township in <paramref name="rootCode"/>'s subtree, counting <paramref name="countedKinds"/>.</summary>
    /// <param name="tree">The organisation tree.</param>
    /// <param name="rootCode">The subtree's root.</param>
    /// <param name="townshipVerdicts">Each township's own verdict (true passed, false failed); absent means not decided.</param>
    /// <param name="passedUnitCodes">The codes of the units currently passed.</param>
    /// <param name="requiredShare">The campaign's share.</param>
    /// <param name="countedKinds">The counted kinds.</param>
    public static IReadOnlyList<TownshipRating> EvaluateAll(
        OrganisationTree tree,
        string rootCode,
        IReadOnlyDictionary<string, bool> townshipVerdicts,
        IReadOnlySet<string> passedUnitCodes,
        Percentage requiredShare,
        IReadOnlyList<CommitteeKind> countedKinds)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(townshipVerdicts);
        return
        [
            .. tree.Subtree(rootCode)
                .Where(c => c.Level == CommitteeLevel.Township)
                .Select(t => Evaluate(tree, t.Code, townshipVerdicts.TryGetValue(t.Code, out var v) ? v : null, passedUnitCodes, requiredShare, countedKinds)),
        ];
    }
}
