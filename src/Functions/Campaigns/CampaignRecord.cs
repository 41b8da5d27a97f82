using System.Text.Json.Serialization;
using GuanGong.Domain.Campaigns;

namespace GuanGong.Functions.Campaigns;

/// <summary>
/// A campaign as stored: the domain's settings plus when (and whether) it was launched, and how many
/// rounds of invitations have been started for the launch year (a repeated launch starts none; a
/// resend starts the next). Versioned contract: <see cref="InvitationRound"/> is optional, so rows
/// written before it still read. The lists of early applications granted and of re-examinations chosen
/// (issue 15, both optional and left out when empty) read as none from rows written before them.
/// </summary>
public sealed record CampaignRecord(int SchemaVersion, CampaignSettings Settings, DateTimeOffset CreatedAt, DateTimeOffset? LaunchedAt, int? LaunchYear, int? InvitationRound = null)
{
    public const int CurrentSchemaVersion = 1;

    /// <summary>Units due later that asked for their link early (提前申报), per year.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<UnitYearChoice>? EarlyApplications { get; init; }

    /// <summary>Passed units the county chose to re-examine, per year.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<UnitYearChoice>? ReExaminations { get; init; }

    /// <summary>Whether <paramref name="unitCode"/> was granted early application in <paramref name="year"/>.</summary>
    public bool GrantedEarly(string unitCode, int year) => EarlyApplications?.Any(c => c.Year == year && c.UnitCode == unitCode) ?? false;

    /// <summary>The passed units chosen for re-examination in <paramref name="year"/>.</summary>
    public IReadOnlySet<string> ReExaminedIn(int year) =>
        (ReExaminations ?? []).Where(c => c.Year == year).Select(c => c.UnitCode).ToHashSet(StringComparer.Ordinal);
}
