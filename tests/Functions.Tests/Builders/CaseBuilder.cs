using GuanGong.Domain.Cases;
using GuanGong.Domain.Deadlines;
using GuanGong.Domain.Organisations;
using GuanGong.Domain.Scoring;
using GuanGong.Domain.Standards;
using GuanGong.Functions.Audit;
using GuanGong.Functions.Cases;
using GuanGong.Functions.Reviews;

namespace GuanGong.Functions.Tests.Builders;

/// <summary>
/// Builds stored cases for tests: a unit's full-marks self-assessment against the embedded
/// "five-good-a" template, in whatever state, task, outcomes and verdict a test needs.
/// </summary>
internal sealed class CaseBuilder(OrganisationTree tree, string campaignId, int year, string unitCode)
{
    public static readonly StandardTemplate Template = TemplateLoader.GetEmbedded("five-good-a");

    private static readonly DateTimeOffset DefaultSubmittedAt = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    private CaseState _state = new(CaseStatus.Submitted, 1, 2, false);
    private ReviewTask? _task;
    private Verdict? _verdict;
    private DateTimeOffset _submittedAt = DefaultSubmittedAt;
    private DateTimeOffset _updatedAt = DefaultSubmittedAt;
    private decimal _selfScorePerItem = -1;
    private readonly List<StageOutcome> _outcomes = [];
    private RequestOrigin? _submittedFrom;

    public string CaseId => CaseIds.For(campaignId, year, unitCode);

    public CaseBuilder InState(CaseStatus status, int stage = 1, bool escalated = false)
    {
        _state = new CaseState(status, stage, 2, escalated);
        return this;
    }

    /// <summary>Every item scored this many points (default: full points).</summary>
    public CaseBuilder SelfScoring(decimal pointsPerItem)
    {
        _selfScorePerItem = pointsPerItem;
        return this;
    }

    public CaseBuilder SubmittedAt(DateTimeOffset at)
    {
        _submittedAt = at;
        _updatedAt = at;
        return this;
    }

    /// <summary>Where the first submission came from, as the submission function records it on the row.</summary>
    public CaseBuilder SubmittedFrom(RequestOrigin origin)
    {
        _submittedFrom = origin;
        return this;
    }

    public CaseBuilder UpdatedAt(DateTimeOffset at)
    {
        _updatedAt = at;
        return this;
    }

    /// <summary>An open review task held by <paramref name="committeeCode"/>, opened and due at the given instants.</summary>
    public CaseBuilder WithTask(string committeeCode, DateTimeOffset openedAt, DateTimeOffset dueAt)
    {
        var committee = tree.Get(committeeCode);
        _task = new ReviewTask(
            $"{CaseId}-s{_state.Stage}", _state.Stage, 1, committeeCode, EscalationHolder.Reviewers,
            [.. committee.Reviewers.Select(r => new TaskAssignee(r.Name, r.Email, committeeCode, EscalationHolder.Reviewers, $"nonce-{r.Email}", openedAt, openedAt))],
            openedAt, dueAt, false, []);
        return this;
    }

    public CaseBuilder WithOutcome(int stage, ReviewAction action, decimal? reviewTotal, DateTimeOffset at, bool escalated = false)
    {
        var committee = tree.Get(tree.AcceptanceChain(unitCode).Value.Stage(stage).CommitteeCode);
        _outcomes.Add(new StageOutcome(stage, 1, action, committee.Reviewers[0].Name, committee.Reviewers[0].Email, committee.Code, action == ReviewAction.Approve ? null : "材料不全", reviewTotal, escalated, at));
        return this;
    }

    /// <summary>A verdict computed by the domain from the self sheet's scores.</summary>
    public CaseBuilder WithVerdict()
    {
        _verdict = VerdictCalculator.Decide(Template, Sheet());
        return this;
    }

    public CaseRecord Build()
    {
        var sheet = Sheet();
        return new CaseRecord(
            CaseRecord.CurrentSchemaVersion,
            CaseId,
            campaignId,
            year,
            unitCode,
            tree.Get(unitCode).Name,
            tree.AcceptanceChain(unitCode).Value.Stages,
            _state,
            1,
            new Submission(sheet, new SelfInspectionReport("党委重视", "班子健全", "部门配合", "成效明显", "经费不足"), $"unit@{unitCode.ToLowerInvariant()}.example.cn", _submittedAt),
            ScoreCalculator.Summarise(Template, sheet),
            null,
            _task,
            _outcomes,
            _verdict,
            null,
            _submittedAt,
            _updatedAt)
        { SubmittedFrom = _submittedFrom };
    }

    private ScoreSheet Sheet() => new(
        ScoreSheet.CurrentSchemaVersion,
        ScoreSheetRole.SelfAssessment,
        Template.Pin(),
        [],
        [.. Template.AllItems.Select(i => _selfScorePerItem < 0 || _selfScorePerItem >= i.Points
            ? new ItemScore(i.Id, i.Points)
            : new ItemScore(i.Id, _selfScorePerItem, DeductionReason: "部分台账缺失"))],
        []);
}
