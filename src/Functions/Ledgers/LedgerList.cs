namespace GuanGong.Functions.Ledgers;

/// <summary>The answer to <c>GET /api/cases/{caseId}/ledgers</c>.</summary>
public sealed record LedgerList(string CaseId, IReadOnlyList<LedgerView> Ledgers);
