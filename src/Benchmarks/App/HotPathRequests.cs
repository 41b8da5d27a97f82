using System.Net;
using System.Text;
using System.Text.Json;
using GuanGong.Durable;
using GuanGong.Functions.Audit;
using GuanGong.Functions.Cases.Workflow;
using Microsoft.Extensions.DependencyInjection;

namespace GuanGong.Benchmarks.App;

/// <summary>
/// The storage requests of the app's own steps of one case at the first stage, each counted exactly
/// on an <see cref="IdleEngineApp"/>: the activities are run by hand, in the order the orchestrator
/// runs them, and the decision is taken over HTTP with the link from the township's mail. A first
/// case goes through the same steps unmeasured, so reference data and this host's audit heads are
/// warm as in an app that has been running.
/// </summary>
public static class HotPathRequests
{
    public sealed record Figures(long AcceptSubmission, long OpenReviewTask, long ReviewPage, long Decision, long ApplyDecision)
    {
        public override string ToString() =>
            $"accept submission {AcceptSubmission}, open review task {OpenReviewTask}, review page (GET /r/…) {ReviewPage}, decision in line {Decision}, apply decision {ApplyDecision}";
    }

    public static async Task<Figures> MeasureAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (app, tokens) = await IdleEngineApp.StartAsync(context, units: 2);
        await using (app)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            await StageOneAsync(app, tokens[2], "V2", seen, cancellationToken);
            return await StageOneAsync(app, tokens[1], "V1", seen, cancellationToken);
        }
    }

    private static async Task<Figures> StageOneAsync(BenchApp app, string unitToken, string unitCode, ISet<string> seen, CancellationToken cancellationToken)
    {
        var services = app.Services.GetRequiredService<WorkflowServices>();
        var caseId = County.CaseId(unitCode);
        var context = new HandRunContext(CaseWorkflowNames.InstanceId(caseId));
        await SubmitLatencyBenchmark.SubmitAsync(app, unitToken, cancellationToken);

        var accept = await CountAsync(app, () => new AcceptSubmissionActivity(services).RunAsync(context, new AcceptSubmissionInput(caseId, new RequestOrigin("127.0.0.1", "bench"))));
        var open = await CountAsync(app, () => new OpenReviewTaskActivity(services).RunAsync(context, new OpenTaskInput(caseId, 1, 1, services.Time.GetUtcNow())));
        var mail = await app.WaitForMailAsync(m => m.Subject.Contains("请审核", StringComparison.Ordinal) && m.Links.Any(l => l.Contains("/r/", StringComparison.Ordinal)) && m.Body.Contains(caseId, StringComparison.Ordinal), skip: seen);
        var link = County.LinkWith(mail, "/r/");
        var page = await CountAsync(app, async () =>
        {
            using var response = await app.Client.GetAsync(new Uri(link), cancellationToken);
            AcceptedCaseRequestsBenchmark.Expect(response, HttpStatusCode.OK);
            return true;
        });
        var decision = await CountAsync(app, async () =>
        {
            var body = JsonSerializer.Serialize(new { token = County.TokenOf(link), action = "Approve", reason = "材料齐全，同意。" });
            using var response = await app.Client.PostAsync(new Uri("/api/reviews/decisions", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"), cancellationToken);
            AcceptedCaseRequestsBenchmark.Expect(response, HttpStatusCode.OK);
            return true;
        });
        var task = (await services.Cases.GetAsync(caseId, cancellationToken))!.Value.Task!;
        var apply = await CountAsync(app, () => new ApplyDecisionActivity(services).RunAsync(context, new ApplyDecisionInput(caseId, task.TaskId, task.Assignees[0].Nonce)));
        return new Figures(accept, open, page, decision, apply);
    }

    private static async Task<long> CountAsync<T>(BenchApp app, Func<Task<T>> step)
    {
        app.Requests.Reset();
        await step();
        return app.Requests.Total;
    }

    /// <summary>The context an activity sees when the engine runs it; here the benchmark runs it.</summary>
    private sealed class HandRunContext(string instanceId) : TaskActivityContext
    {
        public override string Name => "benchmark";

        public override string InstanceId => instanceId;

        public override int TaskId => 0;
    }
}
