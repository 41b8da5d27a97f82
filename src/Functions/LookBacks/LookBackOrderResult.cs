using GuanGong.Functions.Cases;

namespace GuanGong.Functions.LookBacks;

/// <summary>The case after a look-back's order: its status and the order as stored on it.</summary>
public sealed record LookBackOrderResult(string CaseId, string UnitCode, string Status, CaseLookBack LookBack, string Location);
