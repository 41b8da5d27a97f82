namespace GuanGong.Functions.Http;

/// <summary>
/// What a signed link's claims mean. Reviewer tasks are stage 1 and up; a unit's campaign link is
/// stage 0 of its own case; a dashboard link names a committee's subtree in place of a case id.
/// </summary>
public static class LinkKinds
{
    public const int UnitStage = 0;
    public const string SubtreePrefix = "subtree:";

    public static string SubtreeSubject(string committeeCode) => SubtreePrefix + committeeCode;
}
