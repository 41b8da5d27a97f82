using GuanGong.Domain.Scoring;

namespace GuanGong.Functions.Cases;

/// <summary>What a unit submitted: its self-assessment sheet and its self-inspection report.</summary>
public sealed record Submission(ScoreSheet SelfSheet, SelfInspectionReport Report, string SubmittedBy, DateTimeOffset SubmittedAt)
{
    /// <summary>
    /// The most a submission (or a reviewer's sheet) may take as stored JSON. A case is one table row
    /// of at most 900 KiB of JSON (<see cref="Records.RecordTable{T}"/>) holding the unit's submission,
    /// every stage's review sheet and the reasons: four of these and the rest still fit, so a case the
    /// app accepted is one the workflow can always store. The per-field limits keep ordinary text far
    /// below this; it catches what they cannot (characters JSON escapes to six bytes each).
    /// </summary>
    public const int MaxStoredBytes = 160 * 1024;

    /// <summary>How many bytes <paramref name="value"/> takes as stored JSON.</summary>
    public static int StoredBytes<T>(T value) => System.Text.Encoding.UTF8.GetByteCount(GuanGong.Domain.DomainJson.Serialize(value));
}
