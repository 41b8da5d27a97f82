using GuanGong.Domain.Scoring;

namespace GuanGong.Functions.Cases;

/// <summary>What a unit submitted: its self-assessment sheet and its self-inspection report.</summary>
public sealed record Submission(ScoreSheet SelfSheet, SelfInspectionReport Report, string SubmittedBy, DateTimeOffset SubmittedAt);
