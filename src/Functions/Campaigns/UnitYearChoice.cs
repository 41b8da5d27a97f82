namespace GuanGong.Functions.Campaigns;

/// <summary>
/// A choice about one unit in one campaign year, kept with the campaign: an early application granted (提前申报), or a
/// passed unit the county chose to re-examine. Who chose and when are kept for the record. Versioned with
/// <see cref="CampaignRecord"/>.
/// </summary>
public sealed record UnitYearChoice(int Year, string UnitCode, string ChosenBy, DateTimeOffset At);
