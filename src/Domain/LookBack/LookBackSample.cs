namespace GuanGong.Domain.LookBack;

/// <summary>A drawn look-back sample (回头看). Persisted so the draw can be shown and re-checked later.</summary>
/// <param name="SchemaVersion">Version of this JSON shape; <see cref="CurrentSchemaVersion"/> today.</param>
/// <param name="Seed">The seed the draw used; the same seed and the same passed units give the same sample.</param>
/// <param name="Share">The campaign's look-back share.</param>
/// <param name="Strata">The strata, ordered by code.</param>
public sealed record LookBackSample(int SchemaVersion, string Seed, Percentage Share, IReadOnlyList<LookBackStratum> Strata)
{
    /// <summary>The schema version this code writes and reads.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>Every unit drawn, stratum by stratum.</summary>
    public IEnumerable<string> SelectedUnitCodes() => Strata.SelectMany(s => s.SelectedUnitCodes);
}
