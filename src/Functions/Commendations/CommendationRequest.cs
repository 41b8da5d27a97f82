namespace GuanGong.Functions.Commendations;

/// <summary>
/// The county approves the year's naming list. <see cref="UnitCodes"/>: the units named, each one of the year's
/// candidates (passed that year by the verdicts, not named before); left out, every candidate is named.
/// </summary>
public sealed record CommendationRequest(string ApprovedBy, IReadOnlyList<string>? UnitCodes = null);
