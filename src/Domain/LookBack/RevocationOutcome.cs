using GuanGong.Domain.Cases;

namespace GuanGong.Domain.LookBack;

/// <summary>A revocation and the case state it leads to.</summary>
/// <param name="Revocation">The record to store.</param>
/// <param name="NewState">The case's new state (<see cref="CaseStatus.Revoked"/>).</param>
public sealed record RevocationOutcome(Revocation Revocation, CaseState NewState);
