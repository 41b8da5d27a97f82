using GuanGong.Domain.Organisations;
using GuanGong.Domain.Statistics;

namespace GuanGong.Domain.Campaigns;

/// <summary>
/// Who a year's launch invites in a multi-year campaign (三年创建): the units whose target year has come and that have not
/// passed yet. A unit due later may apply early (it gets its link on request); a unit that passed earlier is not invited
/// again unless the county chooses to re-examine it.
/// </summary>
/// <remarks>
/// The units in scope are the organiser's descendants that have an acceptance chain by level
/// (<see cref="OrganisationTree.AcceptanceChain(string)"/>): townships (decided by the county) and grassroots units. A
/// unit without a target year is treated as due: year one reviews every unit, and the year-one re-check sets the target
/// years (<see cref="TargetYears.Change"/>).
/// </remarks>
public static class YearLaunch
{
    /// <summary>Plans the launch of <paramref name="year"/>.</summary>
    /// <param name="tree">The organisation tree.</param>
    /// <param name="campaign">The campaign (its organiser and the units' target years).</param>
    /// <param name="standings">Each unit's standing from its cases so far (<see cref="Standings.AsOf"/>); a unit not listed has no case.</param>
    /// <param name="year">The year launched, inside the campaign period.</param>
    /// <param name="reExamine">Passed units the county chose to re-examine this year (others in the set are ignored).</param>
    public static LaunchPlan Plan(
        OrganisationTree tree,
        CampaignSettings campaign,
        IReadOnlyDictionary<string, UnitStanding> standings,
        int year,
        IReadOnlySet<string>? reExamine = null)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(standings);
        if (year < campaign.StartYear || year > campaign.EndYear)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, $"The campaign runs {campaign.StartYear}–{campaign.EndYear}.");
        }

        var invited = new List<Invitation>();
        var left = new List<NotInvited>();
        foreach (var unit in tree.Descendants(campaign.OrganiserCode))
        {
            var decision = Decide(tree, campaign, standings.GetValueOrDefault(unit.Code), unit.Code, year, reExamine?.Contains(unit.Code) ?? false);
            if (decision.Invited is { } invitation)
            {
                invited.Add(invitation);
            }
            else
            {
                left.Add(decision.Left!);
            }
        }

        return new LaunchPlan(year, invited, left);
    }

    /// <summary>
    /// A unit due later asks for its link now (提前申报). Granted when the unit is in scope, has a chain, has not passed
    /// and has no case of an earlier year still under way; a unit already due gets its ordinary invitation back.
    /// </summary>
    /// <param name="tree">The organisation tree.</param>
    /// <param name="campaign">The campaign.</param>
    /// <param name="standings">Each unit's standing.</param>
    /// <param name="unitCode">The unit asking.</param>
    /// <param name="year">The current campaign year.</param>
    public static Result<Invitation> RequestEarly(
        OrganisationTree tree,
        CampaignSettings campaign,
        IReadOnlyDictionary<string, UnitStanding> standings,
        string unitCode,
        int year)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(standings);
        if (year < campaign.StartYear || year > campaign.EndYear)
        {
            return Fail("year", "launch.year_out_of_range", $"年度必须在 {campaign.StartYear} 到 {campaign.EndYear} 之间。", "The year is outside the campaign.");
        }

        if (!tree.Contains(unitCode) || unitCode == campaign.OrganiserCode || !tree.Ancestors(unitCode).Any(a => a.Code == campaign.OrganiserCode))
        {
            return Fail("unitCode", "launch.unit_out_of_scope", "该单位不在本次活动范围内。", $"'{unitCode}' is not part of the campaign.");
        }

        var decision = Decide(tree, campaign, standings.GetValueOrDefault(unitCode), unitCode, year, reExamine: false);
        return decision switch
        {
            { Invited: { } invitation } => Result<Invitation>.Success(invitation),
            { Left.Reason: NotInvitedReason.DueLater } => Result<Invitation>.Success(new Invitation(unitCode, InvitationReason.EarlyApplication)),
            { Left.Reason: NotInvitedReason.AlreadyPassed } => Fail("unitCode", "launch.already_passed", "该单位已达标，无需再次申报。", $"'{unitCode}' has passed already."),
            { Left.Reason: NotInvitedReason.CaseOpen } => Fail("unitCode", "launch.case_open", "该单位上一年度的申报尚未办结。", $"'{unitCode}' has a case of an earlier year under way."),
            _ => Fail("unitCode", "launch.not_assessable", "该单位没有验收单位，无法申报。", $"'{unitCode}' has no acceptance chain."),
        };
    }

    /// <summary>
    /// Checks the county's choice to re-examine a passed unit: the unit must currently be passed, and the choice must come
    /// from the committee that decides its case (its chain's verdict committee, the county) or one above it.
    /// </summary>
    /// <param name="tree">The organisation tree.</param>
    /// <param name="standings">Each unit's standing.</param>
    /// <param name="unitCode">The unit to re-examine.</param>
    /// <param name="chosenByCommitteeCode">The committee choosing.</param>
    public static IReadOnlyList<ValidationError> CheckReExamination(
        OrganisationTree tree,
        IReadOnlyDictionary<string, UnitStanding> standings,
        string unitCode,
        string chosenByCommitteeCode)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(standings);
        var errors = new List<ValidationError>();
        if (!tree.Contains(unitCode))
        {
            errors.Add(new("unitCode", "reexamination.unit_unknown", "找不到该单位。", $"There is no unit '{unitCode}'."));
            return errors;
        }

        if (standings.GetValueOrDefault(unitCode)?.Status != UnitStatus.Passed)
        {
            errors.Add(new("unitCode", "reexamination.not_passed", "只有已达标的单位才需要复查。", $"'{unitCode}' is not passed; it is invited in the ordinary way."));
        }

        var chain = tree.AcceptanceChain(unitCode);
        var verdictCode = chain.IsSuccess ? chain.Value.VerdictStage.CommitteeCode : null;
        if (verdictCode is null || (chosenByCommitteeCode != verdictCode && !tree.Ancestors(verdictCode).Any(a => a.Code == chosenByCommitteeCode)))
        {
            errors.Add(new("chosenBy", "reexamination.not_authorised", "只有验收该单位的县级关工委（或其上级）可以决定复查。", "Only the committee that decides the unit's case, or one above it, can choose to re-examine it."));
        }

        return errors;
    }

    private static (Invitation? Invited, NotInvited? Left) Decide(
        OrganisationTree tree,
        CampaignSettings campaign,
        UnitStanding? standing,
        string unitCode,
        int year,
        bool reExamine)
    {
        if (!tree.AcceptanceChain(unitCode).IsSuccess)
        {
            return (null, new(unitCode, NotInvitedReason.NotAssessable));
        }

        if (standing?.OpenCaseYear is { } openYear && openYear < year && standing.Status != UnitStatus.Passed)
        {
            return (null, new(unitCode, NotInvitedReason.CaseOpen));
        }

        if (standing?.Status == UnitStatus.Passed)
        {
            return reExamine && (standing.OpenCaseYear is null || standing.OpenCaseYear == year)
                ? (new(unitCode, InvitationReason.ReExamination), null)
                : (null, new(unitCode, NotInvitedReason.AlreadyPassed));
        }

        return campaign.TargetYearOf(unitCode) switch
        {
            null => (new(unitCode, InvitationReason.NoTargetYear), null),
            { } target when target <= year => (new(unitCode, InvitationReason.TargetYearReached), null),
            _ => (null, new(unitCode, NotInvitedReason.DueLater)),
        };
    }

    private static Result<Invitation> Fail(string path, string code, string zh, string en) =>
        Result<Invitation>.Failure(new ValidationError(path, code, zh, en));
}
