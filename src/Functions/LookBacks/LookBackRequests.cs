namespace GuanGong.Functions.LookBacks;

/// <summary>
/// Draw a look-back sample. <see cref="CommitteeCode"/>: whose units (the county's whole subtree, or a township's own
/// units); an administrator acts for the organiser when it is left out, a committee key always for its own committee.
/// <see cref="Seed"/>: left out, the app picks a random one and records it.
/// </summary>
public sealed record DrawLookBackRequest(string? CommitteeCode = null, int? Year = null, string? Seed = null, string? DrawnBy = null);

/// <summary>Record a finding of the check on one unit drawn.</summary>
public sealed record LookBackFindingRequest(string Text, string RecordedBy);

/// <summary>Order a unit drawn to put its faults right (限期整改) within <see cref="WorkingDays"/> China working days (default: the workflow's rectification days).</summary>
public sealed record LookBackRectificationRequest(string Reason, string DecidedBy, int? WorkingDays = null);

/// <summary>Revoke a unit drawn (撤销达标资格), with at least one reason.</summary>
public sealed record LookBackRevocationRequest(IReadOnlyList<string> Reasons, string DecidedBy);
