using GuanGong.Domain.Links;
using GuanGong.Functions.Cases;

namespace GuanGong.Functions.Reviews;

/// <summary>A verified task link, the case it names, and the assignee it was issued to (null when the task moved on).</summary>
public sealed record TaskLinkContext(string Token, ApprovalTokenClaims Claims, CaseRecord Case, TaskAssignee? Assignee);
