using GuanGong.Domain;
using GuanGong.Domain.Cases;
using GuanGong.Domain.Scoring;
using GuanGong.Functions.Audit;
using GuanGong.Functions.Campaigns;
using GuanGong.Functions.Cases;
using GuanGong.Functions.Cases.Workflow;
using GuanGong.Functions.Organisations;
using GuanGong.Functions.Standards;

namespace GuanGong.Functions.Submissions;

/// <summary>
/// Accepts a unit's self-assessment: validates it against the campaign's pinned template, stores the
/// case, and starts its orchestration (or, for a case returned for rectification, stores the new
/// content and tells the waiting orchestration).
/// </summary>
/// <remarks>
/// The first submission is kept short in line — every request here is one a client waits for, one
/// after another: the campaign, the tree and the template come from the reference-data caches; the
/// case is inserted without reading first (a conflict means it exists, and only then is it read), and
/// that insert is the only storage request the unit waits for. The orchestration's start is queued
/// (<see cref="WorkflowStarts"/>) and sent a moment after the answer through the function's Durable
/// client; the "submitted" audit entry is written by the orchestration's first activity, with who and
/// when taken from the stored case and where from carried in the orchestration's input. The case is
/// stored before the answer, so an accepted submission is never lost: a start that is never sent (the
/// process stopped with it queued) is sent by the unstarted-case sweep (<see cref="UnstartedCases"/>),
/// and a retry that finds the case still "submitted" sends the start again in line (a second start of
/// a started instance is dropped by the engine, so the entry is still written once). A keyed request's
/// answer is kept before the start is queued (see <see cref="SubmitAsync"/>), so its retry is answered
/// 202 whichever side of the start the first attempt stopped on.
/// </remarks>
public sealed class SubmissionService(
    CampaignStore campaigns, CommitteeDirectory directory, TemplateResolver templates, CaseStore cases, AuditLog audit, CampaignLauncher launcher, ReceiptNumbers receipts, WorkflowStarts starts, TimeProvider time)
{
    public sealed record Outcome(SubmissionAccepted? Accepted, IReadOnlyList<ValidationError> Errors, int ErrorStatus);

    /// <summary>
    /// Submits (or resubmits) a unit's self-assessment. <paramref name="keepAnswer"/> (a request with an Idempotency-Key)
    /// is given the 202 answer once the case row holds the submission and before the workflow is told: a crash after
    /// that leaves an answer whose replay finishes the job (<see cref="FinishAcceptedAsync"/>), a crash before it leaves
    /// a stored case that the retry finds and goes on with — so a retry never meets its own submission as "already
    /// submitted".
    /// </summary>
    public async Task<Outcome> SubmitAsync(CaseWorkflowClient workflow, string campaignId, string unitCode, int? year, ScoreSheet? sheet, SelfInspectionReport? report, string submittedBy, RequestOrigin origin, CancellationToken ct, Func<SubmissionAccepted, CancellationToken, Task>? keepAnswer = null)
    {
        var campaign = await campaigns.FindAsync(campaignId, ct);
        if (campaign is null)
        {
            return Fail(StatusCodes.Status404NotFound, new("campaignId", "campaign.not_found", "找不到这次创建活动。", $"There is no campaign '{campaignId}'."));
        }

        if (campaign.LaunchedAt is null)
        {
            return Fail(StatusCodes.Status409Conflict, new("campaignId", "campaign.not_launched", "这次创建活动尚未启动，暂不能提交。", "The campaign has not been launched."));
        }

        var assessmentYear = year ?? campaign.LaunchYear ?? campaign.Settings.StartYear;
        if (assessmentYear < campaign.Settings.StartYear || assessmentYear > campaign.Settings.EndYear)
        {
            return Fail(StatusCodes.Status400BadRequest, new("year", "submission.year_out_of_range", $"年度必须在 {campaign.Settings.StartYear} 到 {campaign.Settings.EndYear} 之间。", "The year is outside the campaign."));
        }

        var tree = await directory.GetTreeAsync(ct);
        var unit = tree.Find(unitCode);
        if (unit is null || !CommitteeDirectory.IsWithin(tree, unitCode, campaign.Settings.OrganiserCode) || unitCode == campaign.Settings.OrganiserCode)
        {
            return Fail(StatusCodes.Status404NotFound, new("unitCode", "submission.unit_unknown", "找不到该单位，或该单位不在本次活动范围内。", $"The unit '{unitCode}' is not part of this campaign."));
        }

        // The chain follows the unit's level: a township's own case is decided by the county.
        var chain = tree.AcceptanceChain(unitCode);
        if (!chain.IsSuccess)
        {
            return new Outcome(null, chain.Errors, StatusCodes.Status409Conflict);
        }

        // Guidance by type (分类指导): a unit is scored on its kind's sheet when the campaign gives one.
        var pin = campaign.Settings.TemplateFor(unit.Kind);
        var template = await templates.FindAsync(pin, ct)
            ?? throw new InvalidOperationException($"The campaign's template {pin.TemplateId} is not available.");
        var errors = Validate(sheet, report, template);
        if (errors.Count > 0)
        {
            return new Outcome(null, errors, StatusCodes.Status400BadRequest);
        }

        var caseId = CaseIds.For(campaignId, assessmentYear, unitCode);

        // Only a unit the year's launch invites (target year come, not passed), one granted early
        // application, or a passed unit chosen for re-examination opens a case this year. A refusal
        // may meet a case that exists already (a retry, a resubmission): that one goes on as before.
        var mayApply = await launcher.CheckMayApplyAsync(campaign, tree, unitCode, assessmentYear, ct);
        if (mayApply.Count > 0 && await cases.GetAsync(caseId, ct) is null)
        {
            return new Outcome(null, mayApply, StatusCodes.Status409Conflict);
        }

        var now = time.GetUtcNow();
        var submission = new Submission(sheet!, report!, submittedBy, now);
        if (Submission.StoredBytes(submission) > Submission.MaxStoredBytes)
        {
            return Fail(StatusCodes.Status400BadRequest, new("selfAssessment", "submission.too_large", "提交的内容太多，请精简备注和自查报告后重新提交。", $"The submission takes more than {Submission.MaxStoredBytes} bytes as stored."));
        }

        var summary = ScoreCalculator.Summarise(template, sheet!);
        var state = CaseTransitions.Apply(CaseState.NewDraft(chain.Value.ReviewStageCount), CaseEvent.Submit);
        var record = new CaseRecord(
            CaseRecord.CurrentSchemaVersion, caseId, campaignId, assessmentYear, unitCode, unit.Name, chain.Value.Stages, state, 1,
            submission, summary, null, null, [], null, null, now, now);
        // The 受理编号 goes in with the case row: the receipt page and every mail of the case show it. When the case
        // exists already (a retry, a parallel request) the number taken here is skipped and the stored one stays.
        // The origin stays on the row for a workflow started later, should this process stop before the start is sent.
        record = record with { ReceiptNumber = await receipts.TakeAsync(record, ct), SubmittedFrom = origin };
        if (await cases.TryAddAsync(record, ct))
        {
            var accepted = await KeepAsync(Accepted(record, resubmission: false), keepAnswer, ct);
            starts.Enqueue(workflow, CaseWorkflowInput.ForNewInstance(caseId, origin));
            return accepted;
        }

        // The case exists (an earlier submission, a retry, or a parallel request that stored it first).
        var existing = await cases.GetAsync(caseId, ct) ?? throw new InvalidOperationException($"Case {caseId} conflicted on insert but cannot be read.");
        return await ResubmitOrRestartAsync(workflow, existing.Value, submission, summary, origin, keepAnswer, ct);
    }

    /// <summary>
    /// Finishes what a kept 202 answer promised, before it is replayed: the request that was given it may have stopped
    /// between keeping it and telling the workflow. A case still "submitted" has its workflow started (a second start of
    /// a started instance is dropped); a case "resubmitted" has its waiting workflow told again (it takes a round once).
    /// </summary>
    public async Task FinishAcceptedAsync(CaseWorkflowClient workflow, string caseId, RequestOrigin origin, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        if (await cases.GetAsync(caseId, ct) is not { } stored)
        {
            return;
        }

        switch (stored.Value.State.Status)
        {
            case CaseStatus.Submitted:
                await StartAsync(workflow, caseId, origin, ct);
                break;
            case CaseStatus.Resubmitted:
                await workflow.RaiseAsync(caseId, CaseWorkflowNames.ResubmittedEvent, new ResubmittedEvent(stored.Value.Round), ct);
                break;
        }
    }

    private async Task<Outcome> ResubmitOrRestartAsync(CaseWorkflowClient workflow, CaseRecord existing, Submission submission, ScoreSummary summary, RequestOrigin origin, Func<SubmissionAccepted, CancellationToken, Task>? keepAnswer, CancellationToken ct)
    {
        switch (existing.State.Status)
        {
            case CaseStatus.Submitted:
            {
                // A redelivered first submission: the number it was given stays (a case stored before numbers existed gets one).
                existing = await receipts.AssignAsync(existing, ct);
                var accepted = await KeepAsync(Accepted(existing, resubmission: false), keepAnswer, ct);
                await StartAsync(workflow, existing.CaseId, origin, ct);
                return accepted;
            }
            case CaseStatus.ReturnedForRectification:
            {
                var updated = await cases.UpdateAsync(existing.CaseId, c => c.State.Status != CaseStatus.ReturnedForRectification ? null : c with
                {
                    State = CaseTransitions.Apply(c.State, CaseEvent.Resubmit),
                    Round = c.Round + 1,
                    Submission = submission,
                    SelfSummary = summary,
                    RectificationDueAt = null,
                    UpdatedAt = time.GetUtcNow(),
                }, ct) ?? existing;
                var resubmitted = await KeepAsync(Accepted(updated, resubmission: true), keepAnswer, ct);
                await audit.AppendAsync(existing.CaseId, submission.SubmittedBy, "整改后重新提交", $"自评得分 {summary.Total} 分", origin, ct);
                await workflow.RaiseAsync(existing.CaseId, CaseWorkflowNames.ResubmittedEvent, new ResubmittedEvent(updated.Round), ct);
                return resubmitted;
            }
            case CaseStatus.Resubmitted:
            {
                var resubmitted = await KeepAsync(Accepted(existing, resubmission: true), keepAnswer, ct);
                await workflow.RaiseAsync(existing.CaseId, CaseWorkflowNames.ResubmittedEvent, new ResubmittedEvent(existing.Round), ct);
                return resubmitted;
            }
            default:
                // A keyed retry whose answer was never kept (its process stopped between storing the case and keeping the
                // answer) of the submission the case holds, which the workflow has taken on since (the start-up sweep
                // started it): the case it asked for, accepted; the key keeps that answer from now on.
                if (keepAnswer is not null && !existing.State.IsDecided && IsSameSubmission(existing.Submission, submission))
                {
                    return await KeepAsync(Accepted(existing, resubmission: existing.Round > 1), keepAnswer, ct);
                }

                return Fail(
                    StatusCodes.Status409Conflict,
                    new("caseId", "submission.already_submitted", existing.State.IsDecided ? "本年度的自评已办结，不能再次提交。" : "本年度的自评已经提交，正在审核中。", $"Case {existing.CaseId} is {existing.State.Status}."));
        }
    }

    private static async Task<Outcome> KeepAsync(Outcome accepted, Func<SubmissionAccepted, CancellationToken, Task>? keepAnswer, CancellationToken ct)
    {
        if (keepAnswer is not null)
        {
            await keepAnswer(accepted.Accepted!, ct);
        }

        return accepted;
    }

    /// <summary>Whether two submissions carry the same sheet and report from the same submitter (when they came does not matter).</summary>
    private static bool IsSameSubmission(Submission stored, Submission incoming) =>
        stored.SubmittedBy == incoming.SubmittedBy
        && DomainJson.Serialize(stored.SelfSheet) == DomainJson.Serialize(incoming.SelfSheet)
        && DomainJson.Serialize(stored.Report) == DomainJson.Serialize(incoming.Report);

    private static Task StartAsync(CaseWorkflowClient workflow, string caseId, RequestOrigin origin, CancellationToken ct) =>
        workflow.StartAsync(CaseWorkflowInput.ForNewInstance(caseId, origin), ct);

    private static List<ValidationError> Validate(ScoreSheet? sheet, SelfInspectionReport? report, Domain.Standards.StandardTemplate template)
    {
        var errors = new List<ValidationError>();
        if (sheet is null)
        {
            errors.Add(new("selfAssessment", "submission.sheet_missing", "请填写自评评分表。", "The self-assessment sheet is missing."));
        }
        else if (sheet.Role != ScoreSheetRole.SelfAssessment)
        {
            errors.Add(new("selfAssessment.role", "submission.sheet_role", "评分表类型应为自评。", "The sheet's role must be selfAssessment."));
        }
        else
        {
            errors.AddRange(ScoreSheetValidator.Validate(sheet, template).Select(e => e.Under("selfAssessment")));
        }

        if (report is null)
        {
            errors.Add(new("report", "submission.report_missing", "请填写自查报告。", "The self-inspection report is missing."));
            return errors;
        }

        foreach (var (name, label, text) in new[]
        {
            ("partySupport", "党委支持情况", report.PartySupport), ("ownBuildUp", "自身建设情况", report.OwnBuildUp),
            ("departmentCooperation", "部门配合情况", report.DepartmentCooperation), ("results", "工作成效", report.Results), ("mainProblems", "主要问题", report.MainProblems),
        })
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                errors.Add(new($"report.{name}", "submission.report_field_missing", $"请填写“{label}”。", $"The report's {name} is empty."));
            }
            else if (text.Length > SelfInspectionReport.MaxFieldLength)
            {
                errors.Add(new($"report.{name}", "submission.report_field_too_long", $"“{label}”不能超过 {SelfInspectionReport.MaxFieldLength} 个字。", $"The report's {name} is too long."));
            }
        }

        return errors;
    }

    private static Outcome Fail(int status, ValidationError error) => new(null, [error], status);

    private static Outcome Accepted(CaseRecord record, bool resubmission) =>
        new(new SubmissionAccepted(record.CaseId, record.State.Status.ToString(), $"/api/cases/{Uri.EscapeDataString(record.CaseId)}", resubmission) { ReceiptNumber = CaseNumbers.For(record) }, [], 0);
}
