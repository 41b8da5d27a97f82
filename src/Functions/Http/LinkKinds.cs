namespace GuanGong.Functions.Http;

/// <summary>
/// What a signed link's claims mean. A reviewer task link names a case id and its stage (1 and up).
/// Every other link names a subject in its own namespace, so it can never be mistaken for a task
/// link on some case: <c>unit:{caseId}</c> for a unit's campaign link, <c>subtree:{code}</c> for a
/// dashboard link. Their stage claim carries no meaning (the token format requires one ≥ 1).
/// </summary>
public static class LinkKinds
{
    public const int NonTaskStage = 1;
    public const string UnitPrefix = "unit:";
    public const string SubtreePrefix = "subtree:";

    public static string UnitSubject(string caseId) => UnitPrefix + caseId;

    public static string SubtreeSubject(string committeeCode) => SubtreePrefix + committeeCode;
}
