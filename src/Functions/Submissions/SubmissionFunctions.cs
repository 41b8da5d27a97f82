using System.Text;
using System.Text.Json;
using GuanGong.Domain;
using GuanGong.Functions.Audit;
using GuanGong.Functions.Cases;
using GuanGong.Functions.Cases.Workflow;
using GuanGong.Functions.Http;
using GuanGong.Functions.OpenApi;
using GuanGong.Functions.Organisations;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace GuanGong.Functions.Submissions;

/// <summary><c>POST /api/campaigns/{campaignId}/submissions</c>: a unit submits (or resubmits) its self-assessment.</summary>
public sealed class SubmissionFunctions(HttpGate gate, Access access, CommitteeDirectory directory, SubmissionService submissions, IdempotencyStore idempotency)
{
    public const int MaxBodyBytes = 1024 * 1024;

    [Function("SubmitSelfAssessment")]
    [ApiOperation("Submit (or resubmit after rectification) a unit's self-assessment; honours Idempotency-Key", Tag = "Submissions",
        RequestBody = typeof(SubmissionRequest), Response = typeof(SubmissionAccepted), ResponseStatus = 202, Problems = [400, 401, 403, 409, 413, 422], Security = ["link", "apiKey", "adminKey"])]
    public Task<IResult> Submit(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/campaigns/{campaignId}/submissions")] HttpRequest request,
        string campaignId,
        [DurableClient] DurableTaskClient engine,
        CancellationToken ct) =>
        gate.RunAsync(request, async () =>
        {
            var http = request.HttpContext;
            var caller = await access.ResolveAsync(http, ct);
            if (caller is null)
            {
                return Problems.Unauthorized("请使用单位的填报链接或有效的密钥提交。", "A unit link (Bearer token), a committee API key or the admin key is required.");
            }

            var body = await RequestBodies.ReadTextAsync(http, MaxBodyBytes, ct);
            if (body is null)
            {
                return Problems.TooLarge("提交的内容太大。", $"The body is larger than {MaxBodyBytes} bytes.");
            }

            var key = http.Request.Headers[IdempotencyStore.Header].ToString();
            if (key.Length > IdempotencyStore.MaxKeyLength)
            {
                return Problems.BadRequest("idempotency-key-too-long", "Idempotency-Key 太长。", $"The Idempotency-Key is longer than {IdempotencyStore.MaxKeyLength} characters.");
            }

            var scope = $"{caller}|{campaignId}";
            var requestHash = IdempotencyStore.Hash(body);
            if (key.Length > 0 && await idempotency.FindAsync(scope, key, ct) is { } earlier)
            {
                if (earlier.RequestHash != requestHash)
                {
                    return Problems.Problem(StatusCodes.Status422UnprocessableEntity, "idempotency-key-reused", "同一个 Idempotency-Key 不能用于不同的内容。", "The Idempotency-Key was used before with a different body.");
                }

                if (earlier.StatusCode == StatusCodes.Status202Accepted && JsonSerializer.Deserialize<SubmissionAccepted>(earlier.ResponseJson, DomainJson.Options) is { } promised)
                {
                    await submissions.FinishAcceptedAsync(new CaseWorkflowClient(engine), promised.CaseId, RequestOrigin.From(http), ct);
                }

                if (earlier.Location is { } location)
                {
                    http.Response.Headers.Location = location;
                }

                return Results.Content(earlier.ResponseJson, "application/json; charset=utf-8", Encoding.UTF8, earlier.StatusCode);
            }

            var parsed = DomainJson.Parse<SubmissionRequest>(body, "submission.malformed");
            if (!parsed.IsSuccess)
            {
                return Problems.Validation(parsed.Errors, "提交的数据格式不正确。");
            }

            var payload = parsed.Value;
            var tree = await directory.GetTreeAsync(ct);
            string unitCode;
            int? year = payload.Year;
            switch (caller)
            {
                case UnitCaller unit:
                    var parts = CaseIds.Parse(unit.CaseId);
                    if (parts is null || parts.Tag != CaseIds.Tag(campaignId) || (payload.UnitCode is { } named && named != unit.UnitCode))
                    {
                        return Problems.Forbidden("此填报链接不属于这次活动或这个单位。", "The unit link is for another campaign or unit.");
                    }

                    unitCode = unit.UnitCode;
                    year = parts.Year;
                    break;
                case CommitteeCaller committee when payload.UnitCode is { } code && Access.MayRead(caller, tree, code) && committee.Via == "api-key":
                    unitCode = code;
                    break;
                case AdminCaller when payload.UnitCode is { } code:
                    unitCode = code;
                    break;
                default:
                    return Problems.Forbidden("无权替该单位提交。", "This caller may not submit for that unit (or unitCode is missing).");
            }

            var who = caller is UnitCaller u ? u.Email : caller.ToString();
            // A keyed request's answer is kept by the service as soon as the case holds the submission, before the workflow is told.
            Func<SubmissionAccepted, CancellationToken, Task>? keepAnswer = key.Length == 0
                ? null
                : (accepted, token) => idempotency.SaveAsync(scope, key, requestHash, StatusCodes.Status202Accepted, Serialize(accepted), accepted.StatusUrl, token);
            var outcome = await submissions.SubmitAsync(new CaseWorkflowClient(engine), campaignId, unitCode, year, payload.SelfAssessment, payload.Report, who, RequestOrigin.From(http), ct, keepAnswer);
            if (outcome.Accepted is not { } accepted)
            {
                return outcome.ErrorStatus == StatusCodes.Status400BadRequest
                    ? Problems.Validation(outcome.Errors)
                    : Problems.Problem(outcome.ErrorStatus, outcome.Errors[0].Code, outcome.Errors[0].MessageZh, outcome.Errors[0].MessageEn);
            }

            http.Response.Headers.Location = accepted.StatusUrl;
            return Results.Content(Serialize(accepted), "application/json; charset=utf-8", Encoding.UTF8, StatusCodes.Status202Accepted);
        });

    private static string Serialize(SubmissionAccepted accepted) => JsonSerializer.Serialize(accepted, DomainJson.Options);
}
