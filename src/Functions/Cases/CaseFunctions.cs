using GuanGong.Domain.Links;
using GuanGong.Domain.Scoring;
using GuanGong.Functions.Audit;
using GuanGong.Functions.Calendars;
using GuanGong.Functions.Cases.Workflow;
using GuanGong.Functions.Http;
using GuanGong.Functions.OpenApi;
using GuanGong.Functions.Organisations;
using GuanGong.Functions.Standards;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace GuanGong.Functions.Cases;

/// <summary><c>GET /api/cases/{caseId}</c>: a case's status, for its unit, the committees above it, an administrator, or a reviewer holding a task link for it.</summary>
public sealed class CaseFunctions(
    HttpGate gate, Access access, CommitteeDirectory directory, CaseStore cases, AuditLog audit, TemplateResolver templates, LinkKeyRing keys, TimeProvider time,
    ReferenceData.HolidayCalendarCache calendars)
{
    [Function("GetCaseStatus")]
    [ApiOperation("A case's stage, scores, deadlines, holder and full history", Tag = "Cases", Response = typeof(CaseStatusView), Problems = [401, 404], Query = ["t:a reviewer's task link token for this case"], Security = ["adminKey", "apiKey", "link"])]
    public Task<IResult> GetCaseStatus(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/cases/{caseId}")] HttpRequest request,
        string caseId,
        [DurableClient] DurableTaskClient engine,
        CancellationToken ct) =>
        gate.RunAsync(request, async () =>
        {
            var stored = await cases.GetAsync(caseId, ct);
            var caller = await access.ResolveAsync(request.HttpContext, ct);
            // A reviewer's task link reads its case only while its task is open (a decided task's link reads nothing).
            var reviewerLink = request.Query["t"].ToString() is { Length: > 0 } t
                && ApprovalTokens.Verify(t, keys, time.GetUtcNow(), new TokenExpectation(CaseId: caseId)) is { IsValid: true } verified
                && stored is not null && Ledgers.CaseReaders.IsOpenTask(verified.Claims, stored.Value);
            if (caller is null && !reviewerLink)
            {
                return Problems.Unauthorized("请使用有效的链接或密钥查看。", "A valid link or key is required.");
            }

            if (stored is null)
            {
                return Problems.NotFound("找不到该申报。", $"There is no case '{caseId}'.");
            }

            var @case = stored.Value;
            if (!reviewerLink && !Access.MayRead(caller!, await directory.GetTreeAsync(ct), @case.UnitCode))
            {
                // Same answer as for a missing case: a caller outside the subtree learns nothing.
                return Problems.NotFound("找不到该申报。", $"There is no case '{caseId}'.");
            }

            var instance = await engine.GetInstanceAsync(CaseWorkflowNames.InstanceId(caseId), false, ct);
            var template = await templates.FindAsync(@case.Submission.SelfSheet.Template, ct);
            decimal? reviewTotal = @case.LatestReviewSheet is { } sheet && template is not null ? ScoreCalculator.Summarise(template, sheet).Total : null;
            var view = new CaseStatusView(
                @case.CaseId, @case.CampaignId, @case.Year, @case.UnitCode, @case.UnitName, @case.State.Status.ToString(), @case.State.Stage, @case.State.ReviewStageCount,
                @case.Round, @case.State.Escalated || (@case.Task?.Escalated ?? false), @case.SelfSummary.Total, reviewTotal, @case.Verdict,
                @case.Task is { } task
                    ? new CaseHolderView(task.CommitteeCode, task.Holder.ToString(), [.. task.Assignees.Where(a => a.Rung == task.Holder).Select(a => a.Name)], task.DueAt, task.UnconfirmedCalendarYears, ProvisionalDates.Of(task.UnconfirmedCalendarYears))
                    : null,
                @case.RectificationDueAt, @case.RectificationDueAt is { } rectificationDue && ProvisionalDates.Of(await calendars.GetAsync(ct), rectificationDue), @case.Outcomes, await audit.ReadAsync(caseId, ct), instance?.RuntimeStatus.ToString(), instance?.FailureDetails is { } failure ? $"{failure.ErrorType}: {failure.ErrorMessage}" : null)
            {
                ReceiptNumber = CaseNumbers.For(@case),
            };
            // Reviewers' addresses, IPs and browsers are for the administrator; everyone else sees names and decisions.
            return Results.Json(caller is AdminCaller ? view : CaseStatusRedaction.ForNonAdmin(view), Domain.DomainJson.Options);
        });
}
