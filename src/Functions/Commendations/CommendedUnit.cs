namespace GuanGong.Functions.Commendations;

/// <summary>A unit named: what the decision and the certificate print.</summary>
/// <param name="CertificateNumber">The certificate's number, e.g. "2026-001" (year and place in the list).</param>
/// <param name="UnitCode">The unit.</param>
/// <param name="UnitName">Its name.</param>
/// <param name="ParentName">The committee above it (its township, or the county for a township).</param>
/// <param name="KindName">Its kind in the documents' words (村、社区、学校、企业、机关; 乡镇（街道） for a township).</param>
/// <param name="CaseId">The passed case the naming rests on.</param>
/// <param name="Score">Its final score.</param>
/// <param name="RevokedAt">When a look-back revoked the unit's pass after it was named (schema version 2); null while the naming stands.</param>
/// <param name="RevokedBecause">Why (the look-back's reasons), with who decided it.</param>
public sealed record CommendedUnit(
    string CertificateNumber, string UnitCode, string UnitName, string ParentName, string KindName, string CaseId, decimal? Score,
    DateTimeOffset? RevokedAt = null, string? RevokedBecause = null)
{
    /// <summary>Whether the naming still stands (no look-back revoked the unit since).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool Stands => RevokedAt is null;
}
