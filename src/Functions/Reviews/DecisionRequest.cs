using GuanGong.Domain.Scoring;

namespace GuanGong.Functions.Reviews;

/// <summary>A decision through the JSON API: the task link's token, the action, a reason, and optionally the reviewer's own score sheet.</summary>
public sealed record DecisionRequest(string? Token = null, ReviewAction? Action = null, string? Reason = null, ScoreSheet? ReviewSheet = null);
