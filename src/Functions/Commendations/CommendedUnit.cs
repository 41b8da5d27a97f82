namespace GuanGong.Functions.Commendations;

/// <summary>A unit named: what the decision and the certificate print.</summary>
/// <param name="CertificateNumber">The certificate's number, e.g. "2026-001" (year and place in the list).</param>
/// <param name="UnitCode">The unit.</param>
/// <param name="UnitName">Its name.</param>
/// <param name="ParentName">The committee above it (its township, or the county for a township).</param>
/// <param name="KindName">Its kind in the documents' words (村、社区、学校、企业、机关; 乡镇（街道） for a township).</param>
/// <param name="CaseId">The passed case the naming rests on.</param>
/// <param name="Score">Its final score.</param>
public sealed record CommendedUnit(string CertificateNumber, string UnitCode, string UnitName, string ParentName, string KindName, string CaseId, decimal? Score);
