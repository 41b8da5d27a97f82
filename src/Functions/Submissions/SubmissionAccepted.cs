namespace GuanGong.Functions.Submissions;

/// <summary>The 202 answer to a submission: the case number and where to follow it.</summary>
public sealed record SubmissionAccepted(string CaseId, string Status, string StatusUrl, bool Resubmission);
