namespace GuanGong.Functions.Cases;

/// <summary>
/// The self-inspection report (自查报告) in the outline the sources use: how the party leadership
/// supports the committee, its own build-up, how departments cooperate, what it achieved, its main problems.
/// </summary>
public sealed record SelfInspectionReport(string PartySupport, string OwnBuildUp, string DepartmentCooperation, string Results, string MainProblems)
{
    public const int MaxFieldLength = 4000;
}
