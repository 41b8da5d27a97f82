using System.Text;
using GuanGong.Domain.Organisations;
using GuanGong.Domain.Standards;

namespace GuanGong.Domain.Campaigns;

/// <summary>What the organiser may set on a campaign before it is launched: its own numbers (分值、达标线、乡镇比例).</summary>
public static class CampaignSetup
{
    /// <summary>
    /// Applies the organiser's numbers before launch: derives the campaign's own template from
    /// <paramref name="current"/> (id <c>{campaign id}-{template id}</c>, version 1, then one more per change) and pins
    /// it, and sets the township share. The app stores the derived template with the admin templates and the new
    /// settings. Refused once the campaign is launched: units of one campaign are all judged on the same numbers.
    /// </summary>
    /// <param name="settings">The campaign.</param>
    /// <param name="current">The template the campaign (or the kind) pins now, resolved.</param>
    /// <param name="numbers">The organiser's numbers.</param>
    /// <param name="launched">True once any year of the campaign has been launched.</param>
    /// <param name="kind">Set the numbers of this kind's scoring sheet (分类指导) instead of the campaign's.</param>
    public static Result<NumbersApplied> SetNumbers(CampaignSettings settings, StandardTemplate current, OrganiserNumbers numbers, bool launched, CommitteeKind? kind = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(numbers);
        if (launched)
        {
            return Result<NumbersApplied>.Failure(new ValidationError("campaign", "campaign.numbers_locked", "活动已启动，分值、达标线和比例不能再修改。", "The campaign is launched; its numbers can no longer change."));
        }

        var pinned = kind is { } k ? settings.TemplateFor(k) : settings.Template;
        if (!pinned.Matches(current))
        {
            return Result<NumbersApplied>.Failure(new ValidationError("template", "campaign.template_mismatch", "提供的标准不是本次活动当前使用的标准。", "The template given is not the one the campaign pins."));
        }

        var ownId = current.BasedOn is not null && current.Id.StartsWith(IdPrefix(settings.Id), StringComparison.Ordinal)
            ? current.Id
            : IdPrefix(settings.Id) + current.Id;
        var version = ownId == current.Id ? current.Version + 1 : 1;
        var derived = numbers.ApplyTo(current, ownId, version);
        if (!derived.IsSuccess)
        {
            return Result<NumbersApplied>.Failure(derived.Errors);
        }

        var pin = derived.Value.Pin();
        var updated = kind is { } forKind
            ? settings with { KindTemplates = [.. (settings.KindTemplates ?? []).Where(t => t.Kind != forKind), new KindTemplate(forKind, pin)] }
            : settings with { Template = pin };
        updated = updated with { TownshipUnitShare = numbers.TownshipUnitShare ?? settings.TownshipUnitShare };
        return Result<NumbersApplied>.Success(new NumbersApplied(updated, derived.Value));
    }

    /// <summary>The id prefix of a campaign's own templates: the campaign id made lowercase with hyphens only.</summary>
    private static string IdPrefix(string campaignId)
    {
        var id = new StringBuilder();
        foreach (var ch in campaignId.ToLowerInvariant())
        {
            var ok = ch is (>= 'a' and <= 'z') or (>= '0' and <= '9');
            if (ok)
            {
                id.Append(ch);
            }
            else if (id.Length > 0 && id[^1] != '-')
            {
                id.Append('-');
            }
        }

        var text = id.ToString().Trim('-');
        return (text.Length == 0 ? "campaign" : text) + "-";
    }
}
