using System.Text.Json;
using GuanGong.Domain.Deadlines;
using GuanGong.Domain.Organisations;
using GuanGong.Domain.Statistics;
using GuanGong.Functions.Cases;
using GuanGong.Functions.Organisations;

namespace GuanGong.Functions.Statistics;

/// <summary>
/// Puts a campaign scope through the domain's statistics: pass rates per subtree against the year's
/// target, the same by kind, the units due by this year, late and stuck cases per level, and the
/// township ratings already evaluated. Pure: the ratings and the instant are parameters (and
/// <see cref="PassRateViews"/>, when given, only answers with what computing again would give).
/// </summary>
public static class StatisticsCalculator
{
    public static CampaignStatistics Compute(CampaignScope scope, IEnumerable<TownshipRatingRecord> ratings, DateTimeOffset now, int stuckAfterWorkingDays, PassRateViews? memo = null)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(ratings);
        var tree = scope.Tree;
        var settings = scope.Campaign.Settings;

        // Cumulative standing over the campaign's years (a returned unit is assessed and not passed).
        var unitCases = scope.UnitCases.ToList();
        var statuses = Standings.StatusesAsOf(unitCases, scope.Year);
        var views = memo is null
            ? Views(scope, unitCases)
            : memo.GetOrCompute(tree, scope.Root, scope.Year, settings, statuses, () => Views(scope, unitCases));
        var open = scope.LatestCases.Values
            .Where(c => c.Task is { } task && tree.Contains(task.CommitteeCode))
            .Select(c => new OpenCase(c.CaseId, c.UnitCode, c.State, c.Task!.CommitteeCode, c.Task.OpenedAt, c.Task.DueAt ?? DateTimeOffset.MaxValue));
        var delays = CaseDelays.PerLevel(tree, open, now, stuckAfterWorkingDays, HolidayCalendar.Official);
        var rootName = tree.Get(scope.Root).Name;
        return new CampaignStatistics(
            settings.Id,
            settings.Name,
            scope.Year,
            scope.Root,
            rootName,
            now,
            views.PassRates,
            views.ByKind,
            views.TargetYear,
            stuckAfterWorkingDays,
            [.. delays.Select(d => new LevelDelaysView(Camel(d.Level.ToString()), d.WithReviewer, d.LateCaseIds, d.StuckCaseIds))],
            [.. ratings
                .Where(r => r.Year == scope.Year && tree.Contains(r.Rating.TownshipCode) && CommitteeDirectory.IsWithin(tree, r.Rating.TownshipCode, scope.Root))
                .OrderBy(r => r.Rating.TownshipCode, StringComparer.Ordinal)
                .Select(r => new TownshipRatingView(
                    r.Rating.TownshipCode, tree.Get(r.Rating.TownshipCode).Name, r.Rating.Rated, r.Rating.SelfPassed, r.Rating.UnitsPassed, r.Rating.UnitsTotal,
                    r.Rating.RequiredShare.Value, r.Rating.UnitsRequired, r.Rating.Reasons, r.EvaluatedAt)
                {
                    CountedKinds = r.Rating.CountedKinds is { } kinds ? [.. kinds.Select(k => Camel(k.ToString()))] : null,
                    CountedKindsText = r.Rating.CountedKindsText,
                })])
        {
            StandardName = scope.StandardName,
        };
    }

    private static PassRateViews.Views Views(CampaignScope scope, IReadOnlyList<UnitCase> unitCases)
    {
        var tree = scope.Tree;
        var settings = scope.Campaign.Settings;
        var figures = PassRates.ForCampaignYear(tree, scope.Root, settings, unitCases, scope.Year);

        // No target is shown before the campaign's first target year (the domain reports 0% then).
        var hasTarget = settings.YearTargets.Any(t => t.Year <= scope.Year);
        var subtree = hasTarget ? figures.Figures : WithoutTarget(figures.Figures);
        var due = figures.Due;
        return new PassRateViews.Views(
            SubtreeView.From(subtree, tree).WithCoverage(tree, scope.WithoutCommittee),
            ByKind(figures.ByKind, scope.WithoutCommittee),
            new TargetYearView(due.Year, due.UnitsDue, due.UnitsDuePassed, RatioView.From(due.PassedOfDue), due.DueNotPassed));
    }

    // The committees' figures by kind, each with 应建 and 组建率; a kind whose units all lack a committee still shows.
    private static IReadOnlyList<KindView> ByKind(IReadOnlyList<KindFigures> figures, IReadOnlyList<Committee> withoutCommittee) =>
        [.. Coverage.ByKind(figures, withoutCommittee).Select(c => figures.FirstOrDefault(f => f.Kind == c.Kind) is { } k
            ? new KindView(Camel(k.Kind.ToString()), k.KindName, k.Established, k.Assessed, k.Passed, RatioView.From(k.PassedOfAssessed), RatioView.From(k.PassedOfEstablished))
            {
                Target = k.Progress is { } p ? new TargetView(p.Target.Value, p.Required, p.Passed, p.Shortfall, p.Met) : null,
                ShouldEstablish = c.ShouldEstablish,
                EstablishmentRate = RatioView.From(c.EstablishedOfShould),
            }
            : new KindView(Camel(c.Kind.ToString()), c.KindName, 0, 0, 0, RatioView.From(new Ratio(0, 0)), RatioView.From(new Ratio(0, 0)))
            {
                ShouldEstablish = c.ShouldEstablish,
                EstablishmentRate = RatioView.From(c.EstablishedOfShould),
            })];

    private static SubtreeFigures WithoutTarget(SubtreeFigures figures) =>
        figures with { Progress = null, Children = [.. figures.Children.Select(WithoutTarget)] };

    private static string Camel(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);
}
