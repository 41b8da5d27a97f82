using System.Text.Json;
using GuanGong.Domain.Organisations;
using GuanGong.Domain.Statistics;

namespace GuanGong.Functions.Statistics;

/// <summary>
/// Pass rates of one committee's subtree, with its children's the same way down to the units. The figures are
/// cumulative over the campaign's years. <see cref="PassRate"/> (达标率) = passed / assessed and <see cref="Coverage"/>
/// (达标面) = passed / established; <see cref="PassedOfAssessed"/> and <see cref="PassedOfEstablished"/> are the same
/// ratios under their earlier names, kept for existing clients.
/// </summary>
public sealed record SubtreeView(
    string Code,
    string Name,
    string Level,
    int Established,
    int Assessed,
    int Passed,
    int InProgress,
    RatioView PassedOfAssessed,
    RatioView PassedOfEstablished,
    TargetView? Target,
    IReadOnlyList<SubtreeView> Children)
{
    /// <summary>达标率: passed / assessed (a returned unit, and one closed at its rectification deadline, is assessed and not passed).</summary>
    public RatioView PassRate => PassedOfAssessed;

    /// <summary>达标面 (创建覆盖率): passed / established.</summary>
    public RatioView Coverage => PassedOfEstablished;

    /// <summary>应建: <see cref="Established"/> and the grassroots units under this committee without a committee yet.</summary>
    public int ShouldEstablish { get; init; }

    /// <summary>组建率: established / should establish.</summary>
    public RatioView? EstablishmentRate { get; init; }

    /// <summary>The same view with 应建 and 组建率 at every level, from the units listed without a committee.</summary>
    public SubtreeView WithCoverage(OrganisationTree tree, IReadOnlyList<Committee> withoutCommittee)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(withoutCommittee);
        var missing = withoutCommittee.Count == 0 ? 0 : Domain.Statistics.Coverage.WithoutCommitteeUnder(tree, Code, withoutCommittee).Count;
        return this with
        {
            ShouldEstablish = Established + missing,
            EstablishmentRate = RatioView.From(new Ratio(Established, Established + missing)),
            Children = [.. Children.Select(c => c.WithCoverage(tree, withoutCommittee))],
        };
    }

    public static SubtreeView From(SubtreeFigures figures, OrganisationTree tree)
    {
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(tree);
        var committee = tree.Get(figures.CommitteeCode);
        return new(
            committee.Code,
            committee.Name,
            JsonNamingPolicy.CamelCase.ConvertName(committee.Level.ToString()),
            figures.Established,
            figures.Assessed,
            figures.Passed,
            figures.InProgress,
            RatioView.From(figures.PassedOfAssessed),
            RatioView.From(figures.PassedOfEstablished),
            figures.Progress is { } p ? new TargetView(p.Target.Value, p.Required, p.Passed, p.Shortfall, p.Met) : null,
            [.. figures.Children.Select(c => From(c, tree))]);
    }
}
