using GuanGong.Domain.Organisations;

namespace GuanGong.Domain.Statistics;

/// <summary>The figures of one kind of committee in a subtree, e.g. all enterprises under a district.</summary>
/// <param name="Kind">The kind.</param>
/// <param name="Established">Committees of this kind in the subtree.</param>
/// <param name="Assessed">Those a reviewer has judged (<see cref="UnitStatuses.IsAssessed"/>).</param>
/// <param name="Passed">Those currently passed.</param>
/// <param name="PassedOfAssessed">达标率: passed / assessed.</param>
/// <param name="PassedOfEstablished">达标面 (创建覆盖率): passed / established.</param>
public sealed record KindFigures(CommitteeKind Kind, int Established, int Assessed, int Passed, Ratio PassedOfAssessed, Ratio PassedOfEstablished)
{
    /// <summary>Progress against the kind's own cumulative target (分类指导), when the campaign gives the kind one.</summary>
    public TargetProgress? Progress { get; init; }

    /// <summary>The kind in the documents' words (村、社区、学校、企业、机关...).</summary>
    public string KindName => Wording.KindName(Kind);
}
