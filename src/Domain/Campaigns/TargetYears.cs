using GuanGong.Domain.Organisations;

namespace GuanGong.Domain.Campaigns;

/// <summary>
/// Changing a unit's target year (预达标年度) after the campaign was created: year one's re-check sets them, later years
/// adjust them. Every change returns its audit record (<see cref="TargetYearChange"/>); persisting both is the app's.
/// </summary>
public static class TargetYears
{
    /// <summary>
    /// Sets (or, with null, clears) <paramref name="unitCode"/>'s target year. Refused when the year is outside the
    /// period, the unit is not an assessed unit of the campaign, the reason is blank, nothing changes, or the committee
    /// is neither the organiser nor one above the unit.
    /// </summary>
    /// <param name="settings">The campaign.</param>
    /// <param name="tree">The organisation tree.</param>
    /// <param name="unitCode">The unit.</param>
    /// <param name="newYear">The new target year; null clears it.</param>
    /// <param name="reason">Why; required.</param>
    /// <param name="changedByCommitteeCode">The committee making the change.</param>
    /// <param name="changedBy">The person making it.</param>
    /// <param name="changedAt">When.</param>
    public static Result<TargetYearChanged> Change(
        CampaignSettings settings,
        OrganisationTree tree,
        string unitCode,
        int? newYear,
        string reason,
        string changedByCommitteeCode,
        string changedBy,
        DateTimeOffset changedAt)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(tree);
        var errors = new List<ValidationError>();
        var inScope = tree.Contains(unitCode) && unitCode != settings.OrganiserCode && tree.Ancestors(unitCode).Any(a => a.Code == settings.OrganiserCode);
        if (!inScope || !tree.AcceptanceChain(unitCode).IsSuccess)
        {
            errors.Add(new("unitCode", "target_year.unit_out_of_scope", "该单位不是本次活动的创建单位。", $"'{unitCode}' is not a unit assessed in this campaign."));
        }

        if (newYear is { } y && (y < settings.StartYear || y > settings.EndYear))
        {
            errors.Add(new("year", "campaign.year_outside_period", $"{y} 年不在活动周期内。", $"{y} is outside the campaign period."));
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            errors.Add(new("reason", "target_year.reason_missing", "修改预达标年度必须写明理由。", "A change of target year needs a reason."));
        }

        if (string.IsNullOrWhiteSpace(changedBy))
        {
            errors.Add(new("changedBy", "target_year.changed_by_missing", "请填写修改人。", "The person making the change is missing."));
        }

        var allowed = changedByCommitteeCode == settings.OrganiserCode
            || (tree.Contains(unitCode) && tree.Ancestors(unitCode).Any(a => a.Code == changedByCommitteeCode));
        if (!allowed)
        {
            errors.Add(new("changedByCommitteeCode", "target_year.not_authorised", "只有活动组织单位或该单位的上级关工委可以修改预达标年度。", "Only the organiser or a committee above the unit can change its target year."));
        }

        var fromYear = settings.TargetYearOf(unitCode);
        if (errors.Count == 0 && fromYear == newYear)
        {
            errors.Add(new("year", "target_year.unchanged", "预达标年度没有变化。", "The target year is unchanged."));
        }

        if (errors.Count > 0)
        {
            return Result<TargetYearChanged>.Failure(errors);
        }

        var others = settings.UnitTargetYears.Where(u => u.UnitCode != unitCode);
        var updated = settings with
        {
            UnitTargetYears = newYear is { } year ? [.. others, new UnitTargetYear(unitCode, year)] : [.. others],
        };
        var change = new TargetYearChange(TargetYearChange.CurrentSchemaVersion, settings.Id, unitCode, fromYear, newYear, reason.Trim(), changedByCommitteeCode, changedBy, changedAt);
        return Result<TargetYearChanged>.Success(new TargetYearChanged(updated, change));
    }
}
