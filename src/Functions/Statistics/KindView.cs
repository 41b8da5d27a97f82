namespace GuanGong.Functions.Statistics;

/// <summary>
/// Pass rates of one kind of unit (村、社区、学校、企业、机关…) within the subtree, with the kind's own target progress
/// when the campaign gives the kind a target series (分类指导).
/// </summary>
public sealed record KindView(string Kind, string KindName, int Established, int Assessed, int Passed, RatioView PassedOfAssessed, RatioView PassedOfEstablished)
{
    /// <summary>达标率: passed / assessed.</summary>
    public RatioView PassRate => PassedOfAssessed;

    /// <summary>达标面: passed / established.</summary>
    public RatioView Coverage => PassedOfEstablished;

    /// <summary>应建: units of the kind with a committee (<see cref="Established"/>, 已建) and those the tree lists without one.</summary>
    public int ShouldEstablish { get; init; }

    /// <summary>组建率: established / should establish.</summary>
    public RatioView? EstablishmentRate { get; init; }

    /// <summary>Progress against the kind's own cumulative target; null when the campaign sets none for the kind.</summary>
    public TargetView? Target { get; init; }
}
