using GuanGong.Domain.Cases;
using GuanGong.Domain.Deadlines;
using GuanGong.Domain.Organisations;
using GuanGong.Domain.Scoring;
using GuanGong.Functions.Cases;
using GuanGong.Functions.Reviews;

namespace GuanGong.Benchmarks.App;

/// <summary>
/// Stored cases for a city, straight into the cases table (not through the workflow): every
/// grassroots unit has a case in each campaign year; earlier years are all decided, the latest
/// year has a third still with the township.
/// </summary>
public sealed class CaseSeeder(OrganisationTree tree)
{
    private static readonly ScoreSheet Sheet = County.SelfSheet();
    private static readonly ScoreSummary Summary = ScoreCalculator.Summarise(County.Template, Sheet);
    private static readonly Verdict Passed = VerdictCalculator.Decide(County.Template, Sheet);
    private static readonly SelfInspectionReport Report = County.Report();

    public IEnumerable<CaseRecord> Cases(IEnumerable<int> years, int latestYear)
    {
        var units = tree.Committees.Where(c => c.Level == CommitteeLevel.Grassroots).ToList();
        foreach (var year in years)
        {
            for (var i = 0; i < units.Count; i++)
            {
                yield return Case(units[i], year, open: year == latestYear && i % 3 == 0);
            }
        }
    }

    private CaseRecord Case(Committee unit, int year, bool open)
    {
        var chain = tree.AcceptanceChain(unit.Code).Value;
        var submitted = new DateTimeOffset(year, 4, 1, 2, 0, 0, TimeSpan.Zero).AddMinutes(unit.Code.Length * 7);
        var outcomes = open
            ? []
            : chain.Stages.Skip(1).Select((stage, i) => Outcome(stage.CommitteeCode, i + 1, submitted.AddDays(3 * (i + 1)))).ToList();
        var task = open ? Task(chain.Stage(1).CommitteeCode, $"{CaseIds.For(County.CampaignId, year, unit.Code)}-s1", submitted) : null;
        return new CaseRecord(
            CaseRecord.CurrentSchemaVersion,
            CaseIds.For(County.CampaignId, year, unit.Code),
            County.CampaignId,
            year,
            unit.Code,
            unit.Name,
            chain.Stages,
            new CaseState(open ? CaseStatus.UnderReview : CaseStatus.Passed, open ? 1 : chain.ReviewStageCount, chain.ReviewStageCount, false),
            1,
            new Submission(Sheet, Report, unit.Reviewers.FirstOrDefault()?.Email ?? "unit@example.cn", submitted),
            Summary,
            null,
            task,
            outcomes,
            open ? null : Passed,
            null,
            submitted,
            open ? submitted : submitted.AddDays(6));
    }

    private StageOutcome Outcome(string committeeCode, int stage, DateTimeOffset at)
    {
        var reviewer = tree.Get(committeeCode).Reviewers[0];
        return new StageOutcome(stage, 1, ReviewAction.Approve, reviewer.Name, reviewer.Email, committeeCode, null, Summary.Total, false, at);
    }

    private ReviewTask Task(string committeeCode, string taskId, DateTimeOffset openedAt)
    {
        var reviewers = tree.Get(committeeCode).Reviewers;
        return new ReviewTask(
            taskId, 1, 1, committeeCode, EscalationHolder.Reviewers,
            [.. reviewers.Select(r => new TaskAssignee(r.Name, r.Email, committeeCode, EscalationHolder.Reviewers, "seeded-" + r.Email, openedAt, openedAt))],
            openedAt, openedAt.AddDays(10), false, []);
    }
}
