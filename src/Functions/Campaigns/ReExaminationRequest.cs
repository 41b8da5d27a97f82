namespace GuanGong.Functions.Campaigns;

/// <summary>The county chooses to re-examine a passed unit in a year (default: the launched year).</summary>
public sealed record ReExaminationRequest(string UnitCode, int? Year = null, string? ChosenBy = null);
