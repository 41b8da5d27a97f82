using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace GuanGong.LocalHost.SampleApp;

/// <summary>HTTP starter, status and decision endpoints of the approval orchestration.</summary>
public sealed class Approvals(AppCounters counters)
{
    [Function("StartApproval")]
    public async Task<IActionResult> Start(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "approvals")] HttpRequest request,
        [DurableClient] DurableTaskClient client)
    {
        var body = await request.ReadFromJsonAsync<ApprovalRequest>(request.HttpContext.RequestAborted);
        if (body is null || string.IsNullOrWhiteSpace(body.Subject))
        {
            return new BadRequestObjectResult(new { error = "subject is required" });
        }

        counters.NextInvocation();
        var instanceId = await client.ScheduleNewOrchestrationInstanceAsync(nameof(ApprovalOrchestration), body, request.HttpContext.RequestAborted);
        return new AcceptedResult($"/api/approvals/{instanceId}", new { instanceId });
    }

    [Function("ApprovalStatus")]
    public static async Task<IActionResult> Status(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "approvals/{instanceId}")] HttpRequest request,
        string instanceId,
        [DurableClient] DurableTaskClient client)
    {
        var metadata = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, request.HttpContext.RequestAborted);
        if (metadata is null)
        {
            return new NotFoundResult();
        }

        var outcome = metadata.RuntimeStatus == OrchestrationRuntimeStatus.Completed
            ? metadata.ReadOutputAs<ApprovalOutcome>()
            : null;
        return new OkObjectResult(new { runtimeStatus = metadata.RuntimeStatus.ToString(), outcome });
    }

    [Function("DecideApproval")]
    public static async Task<IResult> Decide(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "approvals/{instanceId}/decision")] HttpRequest request,
        string instanceId,
        [DurableClient] DurableTaskClient client)
    {
        var decision = await request.ReadFromJsonAsync<Decision>(request.HttpContext.RequestAborted);
        if (decision is null || string.IsNullOrWhiteSpace(decision.Verdict))
        {
            return Results.BadRequest();
        }

        await client.RaiseEventAsync(instanceId, ApprovalOrchestration.DecisionEvent, decision, request.HttpContext.RequestAborted);
        return Results.Accepted();
    }
}
