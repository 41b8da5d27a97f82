using GuanGong.Domain.Links;
using GuanGong.Functions.Cases;
using GuanGong.Functions.Http;
using GuanGong.Functions.Organisations;

namespace GuanGong.Functions.Ledgers;

/// <summary>
/// Who may read a case's ledgers: its unit (through its own case link), an administrator, a
/// committee whose subtree holds the unit, or a reviewer whose task link (stage 1 and up) names this
/// very case, for as long as that link's task is open: once it is decided or has moved on, the link
/// reads nothing (its page shows the decision only). Returns who is reading, for the record, or null.
/// </summary>
public sealed class CaseReaders(Access access, CommitteeDirectory directory, LinkKeyRing ring, TimeProvider time)
{
    /// <summary>Whether the request carries any credential at all (else the answer is 401, not 403).</summary>
    public static bool HasCredential(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var headers = context.Request.Headers;
        return headers[AccessKeys.AdminKeyHeader].Count > 0 || headers[Access.ApiKeyHeader].Count > 0
            || headers.Authorization.Count > 0 || context.Request.Query["t"].Count > 0;
    }

    /// <summary>Who may add ledgers to a case: its own unit (through that case's link) or an administrator. Returns who is uploading, or null.</summary>
    public static string? Uploader(Caller? caller, string caseId) => caller switch
    {
        AdminCaller => "admin",
        UnitCaller unit when unit.CaseId == caseId => unit.Email,
        _ => null,
    };

    public async Task<string?> ReaderAsync(HttpContext context, CaseRecord caseRecord, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(caseRecord);
        switch (await access.ResolveAsync(context, cancellationToken))
        {
            case AdminCaller:
                return "admin";
            case UnitCaller unit:
                return unit.CaseId == caseRecord.CaseId ? unit.Email : null;
            case CommitteeCaller committee:
                var tree = await directory.GetTreeAsync(cancellationToken);
                return Access.MayRead(committee, tree, caseRecord.UnitCode) ? $"committee:{committee.CommitteeCode}" : null;
        }

        return ReviewerOf(context, caseRecord);
    }

    /// <summary>The reviewer whose valid task link for <paramref name="caseRecord"/>'s open task the request carries, or null.</summary>
    public string? ReviewerOf(HttpContext context, CaseRecord caseRecord)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(caseRecord);
        var header = context.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : context.Request.Query["t"].ToString();
        var verified = ApprovalTokens.Verify(token, ring, time.GetUtcNow(), new TokenExpectation(CaseId: caseRecord.CaseId));
        return verified.IsValid && IsOpenTask(verified.Claims, caseRecord) ? verified.Claims.ReviewerEmail : null;
    }

    /// <summary>Whether a task link's claims name the case's open task and one of its assignees (a decided or moved-on task's link does not).</summary>
    public static bool IsOpenTask(ApprovalTokenClaims claims, CaseRecord caseRecord)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(caseRecord);
        return claims.Stage >= 1 && claims.CaseId == caseRecord.CaseId && caseRecord.State.IsWithReviewer && caseRecord.Task is { } task && task.Stage == claims.Stage
            && task.Assignees.Any(a => a.Nonce == claims.Nonce && string.Equals(a.Email, claims.ReviewerEmail, StringComparison.OrdinalIgnoreCase));
    }
}
