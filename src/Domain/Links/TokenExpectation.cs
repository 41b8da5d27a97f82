namespace GuanGong.Domain.Links;

/// <summary>What the request using a link expects the link to be bound to; null members are not checked.</summary>
/// <param name="CaseId">The case the request is about.</param>
/// <param name="Stage">The case's current stage.</param>
/// <param name="Action">The action requested.</param>
/// <param name="ReviewerEmail">The reviewer currently holding the stage (compared ignoring case).</param>
public sealed record TokenExpectation(string? CaseId = null, int? Stage = null, ApprovalActions? Action = null, string? ReviewerEmail = null);
