using GuanGong.Domain.Scoring;
using GuanGong.Functions.Cases;

namespace GuanGong.Functions.Submissions;

/// <summary>
/// A unit's self-assessment as the JSON API takes it. <see cref="UnitCode"/> and <see cref="Year"/>
/// may be left out when the caller's unit link already names them.
/// </summary>
public sealed record SubmissionRequest(string? UnitCode = null, int? Year = null, ScoreSheet? SelfAssessment = null, SelfInspectionReport? Report = null);
