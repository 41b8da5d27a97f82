using System.Text.Json;
using GuanGong.Domain.Deadlines;
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
        var statuses = scope.LatestCases.ToDictionary(kv => kv.Key, kv => UnitStatuses.From(kv.Value.State), StringComparer.Ordinal);
        var views = memo is null
            ? Views(scope, statuses)
            : memo.GetOrCompute(tree, scope.Root, scope.Year, settings, statuses, () => Views(scope, statuses));
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
                    r.Rating.RequiredShare.Value, r.Rating.UnitsRequired, r.Rating.Reasons, r.EvaluatedAt))]);
    }

    private static PassRateViews.Views Views(CampaignScope scope, IReadOnlyDictionary<string, UnitStatus> statuses)
    {
        var tree = scope.Tree;
        var settings = scope.Campaign.Settings;
        var target = settings.YearTargets.Any(t => t.Year <= scope.Year) ? settings.TargetFor(scope.Year) : (Domain.Percentage?)null;
        var figures = PassRates.ForSubtree(tree, scope.Root, statuses, target);
        var byKind = PassRates.ByKind(tree, scope.Root, statuses);
        var due = PassRates.ForTargetYear(tree, scope.Root, settings, statuses, scope.Year);
        return new PassRateViews.Views(
            SubtreeView.From(figures, tree),
            [.. byKind.Select(k => new KindView(Camel(k.Kind.ToString()), CommitteeKindNames.Of(k.Kind), k.Established, k.Assessed, k.Passed, RatioView.From(k.PassedOfAssessed), RatioView.From(k.PassedOfEstablished)))],
            new TargetYearView(due.Year, due.UnitsDue, due.UnitsDuePassed, RatioView.From(due.PassedOfDue), due.DueNotPassed));
    }

    private static string Camel(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);
}
