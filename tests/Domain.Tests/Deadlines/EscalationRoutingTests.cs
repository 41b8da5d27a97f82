using GuanGong.Domain.Deadlines;
using GuanGong.Domain.Organisations;
using GuanGong.Domain.Tests.Builders;

namespace GuanGong.Domain.Tests.Deadlines;

public sealed class EscalationRoutingTests
{
    private static readonly OrganisationTree Tree = TreeBuilder.Standard();
    private static readonly AcceptanceChain Chain = Tree.AcceptanceChain("C.K.T1.U1").Value;

    [Fact]
    public void Recipients_EachRung_TownshipThenFallbackThenCounty()
    {
        Assert.Equal("审核人C.K.T1", Assert.Single(EscalationRouting.Recipients(Tree, Chain, 1, EscalationHolder.Reviewers).Reviewers).Name);
        Assert.Equal("后备C.K.T1", Assert.Single(EscalationRouting.Recipients(Tree, Chain, 1, EscalationHolder.FallbackReviewer).Reviewers).Name);
        var next = EscalationRouting.Recipients(Tree, Chain, 1, EscalationHolder.NextLevel);
        Assert.Equal("C.K", next.CommitteeCode);
    }

    [Fact]
    public void HasNextLevel_VerdictStageAtCounty_CityAbove()
    {
        Assert.True(EscalationRouting.HasNextLevel(Tree, Chain, 2));
        Assert.True(EscalationRouting.HasFallbackReviewer(Tree, Chain, 2));
        var townshipChain = Tree.AcceptanceChain("C.K.T1", reviewStages: 2).Value;
        Assert.False(EscalationRouting.HasNextLevel(Tree, townshipChain, 2));
        Assert.Throws<InvalidOperationException>(() => EscalationRouting.Recipients(Tree, townshipChain, 2, EscalationHolder.NextLevel));
    }
}
