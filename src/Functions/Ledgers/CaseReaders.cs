using GuanGong.Domain.Links;
using GuanGong.Functions.Cases;
using GuanGong.Functions.Http;
using GuanGong.Functions.Organisations;

namespace GuanGong.Functions.Ledgers;

/// <summary>
/// Who may read a case's ledgers: its unit (through its own case link), an administrator, a
/// committee whose subtree holds the unit, or a reviewer whose task link (stage 1 and up) names this
/// very case, for as long as that link is valid. Returns who is reading, for the record, or null.
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

        return ReviewerOf(context, caseRecord.CaseId);
    }

    /// <summary>The reviewer whose valid task link for <paramref name="caseId"/> the request carries, or null.</summary>
    public string? ReviewerOf(HttpContext context, string caseId)
    {
        ArgumentNullException.ThrowIfNull(context);
        var header = context.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : context.Request.Query["t"].ToString();
        var verified = ApprovalTokens.Verify(token, ring, time.GetUtcNow(), new TokenExpectation(CaseId: caseId));
        return verified.IsValid && verified.Claims.Stage >= 1 ? verified.Claims.ReviewerEmail : null;
    }
}
