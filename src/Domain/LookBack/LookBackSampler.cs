using System.Security.Cryptography;
using System.Text;
using GuanGong.Domain.Organisations;

namespace GuanGong.Domain.LookBack;

/// <summary>
/// Draws a reproducible, stratified sample of passed units for a look-back.
/// </summary>
/// <remarks>
/// <para>Strata: each passed unit belongs to its nearest township-level ancestor; a unit with none (e.g. a department
/// under the 市直关工委) belongs to its parent.</para>
/// <para>Size per stratum: ⌈passed × share⌉, rounded UP, so every township with a passed unit is visited at least once
/// when the share is above 0 (the whole sample can therefore be a little above the share overall).</para>
/// <para>Order within a stratum: units sorted by SHA-256 of <c>seed + "\n" + unit code</c>; the first ones are drawn.
/// The draw depends only on the seed and the set of codes: not on input order, platform or runtime version, so anyone
/// holding the seed can re-check it. The app picks the seed (e.g. a random value recorded with the sample).</para>
/// </remarks>
public static class LookBackSampler
{
    /// <summary>Draws the sample.</summary>
    /// <param name="tree">The organisation tree.</param>
    /// <param name="passedUnitCodes">The units currently passed (duplicates ignored; each must be in the tree).</param>
    /// <param name="share">The campaign's look-back share.</param>
    /// <param name="seed">The seed; not empty.</param>
    public static LookBackSample Draw(OrganisationTree tree, IEnumerable<string> passedUnitCodes, Percentage share, string seed)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(passedUnitCodes);
        ArgumentException.ThrowIfNullOrWhiteSpace(seed);
        var strata = passedUnitCodes
            .Distinct(StringComparer.Ordinal)
            .GroupBy(code => StratumOf(tree, code), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var units = g.ToList();
                var size = share.MinimumCountOf(units.Count);
                var drawn = units.OrderBy(code => DrawKey(seed, code), StringComparer.Ordinal).ThenBy(c => c, StringComparer.Ordinal).Take(size).ToList();
                return new LookBackStratum(g.Key, units.Count, size, drawn);
            })
            .ToList();
        return new LookBackSample(LookBackSample.CurrentSchemaVersion, seed, share, strata);
    }

    private static string StratumOf(OrganisationTree tree, string unitCode)
    {
        var township = tree.Ancestors(unitCode).FirstOrDefault(a => a.Level == CommitteeLevel.Township);
        return township?.Code ?? tree.Parent(unitCode)?.Code ?? unitCode;
    }

    private static string DrawKey(string seed, string code) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(seed + "\n" + code)));
}
