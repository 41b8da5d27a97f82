using GuanGong.Domain;
using GuanGong.Functions.Audit;
using GuanGong.Functions.Http;

namespace GuanGong.Functions.Reviews;

/// <summary><c>POST /api/reviews/decisions</c>: the reviewer decision function for systems (people use the emailed page).</summary>
internal static class DecisionEndpoints
{
    public static void MapDecisions(this IEndpointRouteBuilder api) =>
        api.MapPost("/reviews/decisions", async (HttpContext http, DecisionService decisions, CancellationToken ct) =>
        {
            var body = await RequestBodies.ReadTextAsync(http, RequestBodies.DefaultJsonLimit, ct);
            if (body is null)
            {
                return Problems.TooLarge("提交的内容太大。", $"The body is larger than {RequestBodies.DefaultJsonLimit} bytes.");
            }

            var parsed = DomainJson.Parse<DecisionRequest>(body, "decision.malformed");
            if (!parsed.IsSuccess)
            {
                return Problems.Validation(parsed.Errors, "提交的数据格式不正确。");
            }

            var request = parsed.Value;
            if (string.IsNullOrEmpty(request.Token) || request.Action is null)
            {
                return Problems.Validation([
                    .. string.IsNullOrEmpty(request.Token) ? [new ValidationError("token", "decision.token_missing", "缺少审核链接令牌。", "The token is missing.")] : Array.Empty<ValidationError>(),
                    .. request.Action is null ? [new ValidationError("action", "decision.action_missing", "请选择办理结果。", "The action is missing.")] : Array.Empty<ValidationError>(),
                ]);
            }

            var (link, refusal, missing) = await decisions.OpenAsync(request.Token, ct);
            if (link is null)
            {
                return missing
                    ? Problems.NotFound("找不到案件。", "The link's case does not exist.")
                    : Problems.Forbidden("链接无效或已过期。", $"The token is refused: {refusal}.");
            }

            var outcome = await decisions.DecideAsync(link, request.Action.Value, request.Reason, request.ReviewSheet, RequestOrigin.From(http), ct);
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
        })
        .WithName("DecideReview")
        .WithSummary("Take a reviewer decision with a task link's token (JSON)")
        .Accepts<DecisionRequest>("application/json")
        .ProducesProblem(StatusCodes.Status409Conflict);
}
