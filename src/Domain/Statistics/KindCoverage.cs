using GuanGong.Domain.Organisations;

namespace GuanGong.Domain.Statistics;

/// <summary>
/// 组建率 of one kind of unit (村、社区、学校、企业、机关…) in a subtree: how many units should have a committee (应建:
/// those with one and those the tree lists without one), how many have one (已建), and of those how many were assessed
/// (参评) and passed (通过). A unit without a committee is never invited and never has a case: it counts only in 应建.
/// </summary>
/// <param name="Kind">The kind.</param>
/// <param name="ShouldEstablish">应建: units of the kind, with or without a committee.</param>
/// <param name="Established">已建: units of the kind with a committee.</param>
/// <param name="Assessed">参评: committees a reviewer has judged.</param>
/// <param name="Passed">通过: committees currently passed.</param>
public sealed record KindCoverage(CommitteeKind Kind, int ShouldEstablish, int Established, int Assessed, int Passed)
{
    /// <summary>组建率: established / should establish.</summary>
    public Ratio EstablishedOfShould => new(Established, ShouldEstablish);

    /// <summary>The kind in the documents' words.</summary>
    public string KindName => Wording.KindName(Kind);
}
