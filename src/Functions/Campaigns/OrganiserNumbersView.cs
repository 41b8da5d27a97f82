namespace GuanGong.Functions.Campaigns;

/// <summary>
/// The organiser's numbers of a campaign (or of one kind's sheet) as they stand: the pass line, the points, the
/// criterion minimums, the bonus cap and the township share, each value marked <c>example</c> (示例) when the shipped
/// template invented it and the organiser has not set it yet. <see cref="Locked"/> once the campaign is launched.
/// </summary>
public sealed record OrganiserNumbersView(
    string CampaignId,
    string? Kind,
    string TemplateId,
    int TemplateVersion,
    string StandardName,
    decimal TotalPoints,
    NumberView PassThreshold,
    IReadOnlyList<CriterionNumbersView> Criteria,
    NumberView? BonusCap,
    IReadOnlyList<NumberView> BonusItems,
    decimal TownshipUnitShare,
    string CountedKindsText,
    bool Locked)
{
    /// <summary>The unit kinds with a scoring sheet of their own in this campaign (分类指导), each readable with <c>?kind=</c>.</summary>
    public IReadOnlyList<string> KindsWithOwnSheet { get; init; } = [];
}

/// <summary>One number: its template path, the id to set it by (null for the pass line and the bonus cap), its name, value and whether it is 示例.</summary>
public sealed record NumberView(string Path, string? Id, string Name, decimal Value, bool Example, bool? YesNo = null);

/// <summary>A criterion's points and minimum, and its items'.</summary>
public sealed record CriterionNumbersView(NumberView Points, NumberView? Minimum, IReadOnlyList<NumberView> Items);
