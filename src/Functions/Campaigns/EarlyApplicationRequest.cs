namespace GuanGong.Functions.Campaigns;

/// <summary>
/// A unit due later asks for its link now (申请提前申报): the unit, the year (default: the launched year) and who asks.
/// </summary>
public sealed record EarlyApplicationRequest(string UnitCode, int? Year = null, string? RequestedBy = null);
