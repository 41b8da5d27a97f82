using GuanGong.Domain.Cases;
using GuanGong.Domain.LookBack;
using GuanGong.Domain.Organisations;
using GuanGong.Domain.Tests.Builders;

namespace GuanGong.Domain.Tests.LookBack;

public sealed class RevocationsTests
{
    private static readonly OrganisationTree Tree = TreeBuilder.Standard();
    private static readonly AcceptanceChain Chain = Tree.AcceptanceChain("C.K.T1.U1").Value;
    private static readonly CaseState Passed = new(CaseStatus.Passed, 2, 2, false);
    private static readonly DateTimeOffset At = new(2026, 11, 21, 10, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void Revoke_ByVerdictCommitteeWithReason_RevokesCase()
    {
        var outcome = Revocations.Revoke(Tree, Chain, "case-1", Passed, ["活动记录2025年下半年空白"], "C.K", "王主任", At).Value;

        Assert.Equal(CaseStatus.Revoked, outcome.NewState.Status);
        Assert.Equal("C.K.T1.U1", outcome.Revocation.UnitCode);
    }

    [Fact]
    public void Revoke_ByCityAboveVerdictCommittee_IsAllowed()
    {
        Assert.True(Revocations.Revoke(Tree, Chain, "case-1", Passed, ["经费未落实"], "C", "李", At).IsSuccess);
    }

    [Fact]
    public void Revoke_ByTheUnitsOwnTownship_IsAllowed()
    {
        Assert.True(Revocations.Revoke(Tree, Chain, "case-1", Passed, ["五老队伍名册与实际不符"], "C.K.T1", "张", At).IsSuccess);
    }

    [Fact]
    public void Revoke_NoReasonByAnotherTownshipOnFailedCase_ReportsAll()
    {
        var result = Revocations.Revoke(Tree, Chain, "case-1", Passed with { Status = CaseStatus.Failed, Stage = 1 }, [" "], "C.K.T2", "张", At);

        Assert.Equal(["case", "reasons", "decidedByCommitteeCode"], result.Errors.Select(e => e.Path));
    }
}
