using GuanGong.Domain.Cases;
using GuanGong.Domain.Deadlines;
using GuanGong.Functions.Audit;
using GuanGong.Functions.Reviews;

namespace GuanGong.Functions.Cases.Workflow;

// Everything below crosses the engine's queues or lands in orchestration history: versioned
// contracts. Adding a field with a default is compatible; renaming or removing one needs a new
// orchestrator version (the engine pins running instances to the version they started on).

/// <summary>
/// The case orchestration's input. <see cref="SubmittedFrom"/> is set by submissions that leave the
/// "submitted" audit entry to the orchestration's first activity (instead of writing it in line);
/// inputs written before it existed lack it, and their submissions wrote the entry themselves.
/// </summary>
/// <see cref="LookBackRectification"/> starts the workflow again on a passed case a look-back ordered to rectify
/// (限期整改): it waits for the resubmission and reviews it at the verdict stage as after any return.
/// <see cref="WorkflowVersion"/> is the step sequence the instance runs, fixed when it starts: inputs written
/// before it existed lack it (0, <see cref="FineSteps"/>) and replay the sequence they were started on.
public sealed record CaseWorkflowInput(int SchemaVersion, string CaseId, RequestOrigin? SubmittedFrom = null, bool LookBackRectification = false, int WorkflowVersion = CaseWorkflowInput.FineSteps)
{
    public const int CurrentSchemaVersion = 1;

    /// <summary>One activity per step: accept, open each task, apply each decision, notify, re-rate (17 work items per accepted case).</summary>
    public const int FineSteps = 0;

    /// <summary>
    /// Coarse steps: accepting opens the first task, applying a decision opens the next stage's task or,
    /// when it ends the case, notifies the unit and re-rates its township (an accepted 3-level case is
    /// 3 activities and 6 episodes).
    /// </summary>
    public const int CoarseSteps = 1;

    /// <summary>The sequence new instances start on.</summary>
    public const int CurrentWorkflowVersion = CoarseSteps;

    /// <summary>The input of an instance started now: the current schema and step sequence.</summary>
    public static CaseWorkflowInput ForNewInstance(string caseId, RequestOrigin? origin, bool lookBackRectification = false) =>
        new(CurrentSchemaVersion, caseId, origin, lookBackRectification, CurrentWorkflowVersion);
}

/// <summary>
/// What a coarse step (<see cref="CaseWorkflowInput.CoarseSteps"/>) leaves: where the case stands, the task it
/// opened for the orchestrator to wait on (none when the case did not go on to a review), and whether it
/// already notified the unit and re-rated its township because the case ended.
/// </summary>
public sealed record CaseStep(CaseProgress Progress, OpenedTask? Task, bool Concluded);

/// <summary>Record the submission in the case's audit chain (once), then take the case into review.</summary>
public sealed record AcceptSubmissionInput(string CaseId, RequestOrigin SubmittedFrom);

/// <summary>The case orchestration's result.</summary>
public sealed record CaseWorkflowOutput(string CaseId, CaseStatus Status, bool Passed);

/// <summary>Where a case stands after an activity changed it (what the orchestrator steers by).</summary>
public sealed record CaseProgress(CaseStatus Status, int Stage, int Round, DateTimeOffset? RectificationDueAt)
{
    public bool IsDecided => Status is CaseStatus.Passed or CaseStatus.Failed or CaseStatus.Withdrawn or CaseStatus.Revoked or CaseStatus.RectificationExpired;
}

/// <summary>
/// Open the review task of one stage and round. The task starts when the activity first opens it, on
/// the business clock; <see cref="StartedAt"/> is kept for histories written when the orchestrator
/// passed its own time (an activity given one uses it).
/// </summary>
public sealed record OpenTaskInput(string CaseId, int Stage, int Round, DateTimeOffset? StartedAt = null);

/// <summary>The opened task and the escalation steps to set timers for, in order.</summary>
public sealed record OpenedTask(string TaskId, IReadOnlyList<EscalationStep> Steps);

/// <summary>A timer of the escalation ladder fired: remind, hand to the fallback, or escalate.</summary>
public sealed record EscalationStepInput(string CaseId, string TaskId, EscalationStepKind Kind, DateTimeOffset At);

/// <summary>The external event a reviewer's decision raises. The decision itself is stored under <see cref="OneTimeId"/>.</summary>
public sealed record ReviewDecisionEvent(string TaskId, string OneTimeId, ReviewAction Action);

/// <summary>Apply a stored decision to the case.</summary>
public sealed record ApplyDecisionInput(string CaseId, string TaskId, string OneTimeId);

/// <summary>The external event a unit's resubmission raises.</summary>
public sealed record ResubmittedEvent(int Round);

/// <summary>Names of the case workflow's orchestrator, activities and events (one place, used by both sides).</summary>
public static class CaseWorkflowNames
{
    public const string Orchestrator = "CaseWorkflow";
    public const string ScoreSubmission = "ScoreSubmission";
    public const string AcceptSubmission = "AcceptSubmission";
    public const string OpenReviewTask = "OpenReviewTask";
    public const string ApplyEscalationStep = "ApplyEscalationStep";
    public const string ApplyDecision = "ApplyDecision";
    public const string ExpireRectification = "ExpireRectification";
    public const string NotifyUnitOfVerdict = "NotifyUnitOfVerdict";
    public const string UpdateTownshipRating = "UpdateTownshipRating";
    public const string ReadCaseProgress = "ReadCaseProgress";

    // The coarse steps (CaseWorkflowInput.CoarseSteps); the activities above stay for instances started before.
    public const string AcceptAndOpenReview = "AcceptAndOpenReview";
    public const string ApplyDecisionAndContinue = "ApplyDecisionAndContinue";
    public const string ConcludeCase = "ConcludeCase";
    public const string DecisionEvent = "ReviewDecision";
    public const string ResubmittedEvent = "Resubmitted";

    public static string InstanceId(string caseId) => "case-" + caseId;
}
