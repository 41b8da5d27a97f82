using GuanGong.Domain;
using GuanGong.Functions.Audit;
using GuanGong.Functions.Cases.Workflow;
using GuanGong.Functions.Http;
using GuanGong.Functions.OpenApi;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace GuanGong.Functions.Reviews;

/// <summary>
/// <c>POST /api/reviews/decisions</c>: the reviewer decision function for systems (people use the
/// emailed page); and the timer that raises again decisions whose event never reached their case.
/// </summary>
public sealed class DecisionFunctions(HttpGate gate, DecisionService decisions, DecisionReconciler reconciler)
{
    [Function("DecideReview")]
    [ApiOperation("Take a reviewer decision with a task link's token (JSON)", Tag = "Reviews", RequestBody = typeof(DecisionRequest), Problems = [400, 403, 404, 409, 410, 413])]
    public Task<IResult> Decide(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/reviews/decisions")] HttpRequest request,
        [DurableClient] DurableTaskClient engine,
        CancellationToken ct) =>
        gate.RunAsync(request, async () =>
        {
            var body = await RequestBodies.ReadTextAsync(request.HttpContext, RequestBodies.DefaultJsonLimit, ct);
            if (body is null)
            {
                return Problems.TooLarge("提交的内容太大。", $"The body is larger than {RequestBodies.DefaultJsonLimit} bytes.");
            }

            var parsed = DomainJson.Parse<DecisionRequest>(body, "decision.malformed");
            if (!parsed.IsSuccess)
            {
                return Problems.Validation(parsed.Errors, "提交的数据格式不正确。");
            }

            var payload = parsed.Value;
            if (string.IsNullOrEmpty(payload.Token) || payload.Action is null)
            {
                return Problems.Validation([
                    .. string.IsNullOrEmpty(payload.Token) ? [new ValidationError("token", "decision.token_missing", "缺少审核链接令牌。", "The token is missing.")] : Array.Empty<ValidationError>(),
                    .. payload.Action is null ? [new ValidationError("action", "decision.action_missing", "请选择办理结果。", "The action is missing.")] : Array.Empty<ValidationError>(),
                ]);
            }

            var (link, refusal, missing) = await decisions.OpenAsync(payload.Token, ct);
            if (link is null)
            {
                return missing
                    ? Problems.NotFound("找不到申报。", "The link's case does not exist.")
                    : Problems.Forbidden("链接无效或已过期。", $"The token is refused: {refusal}.");
            }

            var outcome = await decisions.DecideAsync(new CaseWorkflowClient(engine), link, payload.Action.Value, payload.Reason, payload.ReviewSheet, RequestOrigin.From(request.HttpContext), ct);
            return outcome switch
            {
                DecisionOutcome.Recorded recorded => Results.Json(new { status = "recorded", caseId = recorded.Decision.CaseId, action = recorded.Decision.Action, decidedAt = recorded.Decision.DecidedAt }, DomainJson.Options),
                DecisionOutcome.AlreadyDecided already => Results.Problem(
                    statusCode: StatusCodes.Status409Conflict,
                    title: $"此任务已由 {already.Decision.ReviewerName} 于 {Cases.Workflow.CaseMail.China(already.Decision.DecidedAt)} 办理。",
                    detail: "The task was already decided.",
                    type: "https://guangong.local/problems/already-decided",
                    extensions: new Dictionary<string, object?> { ["code"] = "already-decided", ["decidedBy"] = already.Decision.ReviewerName, ["decidedAt"] = already.Decision.DecidedAt, ["action"] = already.Decision.Action.ToString() }),
                DecisionOutcome.TaskClosed closed => Problems.Problem(StatusCodes.Status410Gone, "task-closed", closed.ReasonZh, "The link's task is closed."),
                DecisionOutcome.Invalid invalid => Problems.Validation(invalid.Errors),
                _ => throw new InvalidOperationException("Unknown decision outcome."),
            };
        });

    /// <summary>Every five minutes: decisions stored but not taken by their orchestration are raised again, and cases whose workflow is stuck are logged at Error.</summary>
    [Function("ReconcileDecisions")]
    public async Task ReconcileDecisions([TimerTrigger("0 */5 * * * *")] TimerInfo timer, [DurableClient] DurableTaskClient engine, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(timer);
        try
        {
            await reconciler.RunAsync(engine, ct);
            await reconciler.ReportStuckAsync(engine, ct);
        }
        catch (Exception ex) when (ExceptionMapping.IsStorageUnavailable(ex))
        {
            // Storage is down: the next tick tries again.
        }
    }
}
