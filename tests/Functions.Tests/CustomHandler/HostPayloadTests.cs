using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using GuanGong.Durable;
using GuanGong.Durable.AzureStorage;
using GuanGong.Functions.Records;
using GuanGong.Functions.Tests.Infrastructure;
using GuanGong.Functions.Tests.Workflow;
using GuanGong.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GuanGong.Functions.Tests.CustomHandler;

/// <summary>
/// The app driven the way the Azure Functions host drives a custom handler: no polling dispatcher;
/// the test receives from the engine's queues and POSTs each message to its queue-triggered
/// function as the host's JSON payload (Data + Metadata with DequeueCount), deleting the message on
/// success as the host does.
/// </summary>
public sealed class HostPayloadTests
{
    private static readonly Dictionary<string, string?> QueueTriggers = new() { ["GuanGong:Engine:Dispatch"] = "QueueTriggers" };

    [Fact]
    public async Task QueueTriggers_HostPayloads_CarryASubmissionToItsReviewerEmail()
    {
        await using var smtp = new SmtpSink();
        await using var app = await AcceptanceChainEndToEndTests.StartAsync(smtp, extra: new Dictionary<string, string?> { ["GuanGong:Engine:Dispatch"] = "QueueTriggers" });
        await app.SetUpCountyAsync(villages: 1);

        var options = app.Services.GetRequiredService<DurableTaskOptions>();
        var names = new TaskHubNames(options.HubName, options.PartitionCount);
        var queues = app.Services.GetRequiredService<AppStorage>().Queues;
        var functions = names.ControlQueues.Select((q, i) => (Queue: q, Function: $"EngineControl{i:D2}")).Append((names.WorkItemQueue, "EngineWorkItems")).ToList();
        var delivered = 0;

        // The host's part: deliver every message to its function, as the queue triggers would, until the condition holds.
        async Task DeliverUntilAsync(Func<bool> done)
        {
            for (var round = 0; round < 100 && !done(); round++)
            {
                foreach (var (queueName, function) in functions)
                {
                    var queue = queues.GetQueueClient(queueName);
                    foreach (var message in (await queue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(30))).Value)
                    {
                        var response = await InvokeAsync(app, function, message.MessageText, message.DequeueCount, message.MessageId, message.PopReceipt);
                        Assert.Equal(HttpStatusCode.OK, response.Status);
                        Assert.NotNull(response.Body!["Outputs"]);
                        Assert.NotNull(response.Body["Logs"]);
                        Assert.True(response.Body.AsObject().ContainsKey("ReturnValue"));
                        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                        delivered++;
                    }
                }

                await Task.Delay(100);
            }
        }

        // The launch's invitations are sent by an orchestration, so they too need the host's deliveries.
        await DeliverUntilAsync(() => smtp.Messages.Any(m => m.To.Contains("village1@example.cn")));
        var token = SampleCounty.TokenOf((await smtp.WaitForAsync(m => m.To.Contains("village1@example.cn"))).LinkWith("/u/"));
        (await app.SubmitAsync(token)).EnsureSuccessStatusCode();
        await DeliverUntilAsync(() => smtp.Messages.Any(m => m.To.Contains("town@example.cn") && m.Subject.StartsWith("请审核", StringComparison.Ordinal)));

        Assert.Contains(smtp.Messages, m => m.To.Contains("town@example.cn") && m.Subject.StartsWith("请审核", StringComparison.Ordinal));
        // At least the invitations' start and the case's start (the activities run inside their episodes).
        Assert.True(delivered >= 2, $"only {delivered} messages were delivered");
        var state = await app.CaseAsync(SampleCounty.CaseId("V1"));
        Assert.Equal("UnderReview", state.GetProperty("status").GetString());
    }

    [Fact]
    public async Task TimerTrigger_HostPayload_RunsTheJobAndAnswersWithLogs()
    {
        await using var app = await TestApp.StartAsync(QueueTriggers);
        var payload = new JsonObject
        {
            ["Data"] = new JsonObject { ["timer"] = new JsonObject { ["Schedule"] = new JsonObject { ["AdjustForDST"] = true }, ["ScheduleStatus"] = null, ["IsPastDue"] = false } },
            ["Metadata"] = new JsonObject { ["sys"] = new JsonObject { ["MethodName"] = "ReconcileDecisions", ["UtcNow"] = "2026-11-21T09:00:00Z", ["RandGuid"] = Guid.NewGuid().ToString() } },
        };

        using var response = await app.Client.PostAsync(new Uri("/ReconcileDecisions", UriKind.Relative), new StringContent(payload.ToJsonString(), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("raised 0 stored decisions again", body["Logs"]![0]!.GetValue<string>());
        Assert.Null(body["ReturnValue"]);
    }

    [Fact]
    public async Task QueueTrigger_PayloadWithoutTheMessageBinding_Answers400AndTheHostRetries()
    {
        await using var app = await TestApp.StartAsync(QueueTriggers);

        using var response = await app.Client.PostAsync(new Uri("/EngineWorkItems", UriKind.Relative), new StringContent("""{"Data":{},"Metadata":{"DequeueCount":1}}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Standalone_InvocationRoutes_Answer404AndNothingRuns()
    {
        // Standalone the app's own loops drive the engine: the host's routes must not be a back door
        // for a forged control message (a decision no link authorised) or a job run on demand.
        await using var app = await TestApp.StartAsync();
        var forged = new JsonObject
        {
            ["Data"] = new JsonObject { ["message"] = """{"id":"x","instanceId":"case-2026-V1-ABCD","event":{"type":"EventRaised","name":"Decision","input":"{}"}}""" },
            ["Metadata"] = new JsonObject { ["DequeueCount"] = 1 },
        };
        var timer = new JsonObject { ["Data"] = new JsonObject { ["timer"] = new JsonObject() }, ["Metadata"] = new JsonObject() };

        using var control = await app.Client.PostAsync(new Uri("/EngineControl00", UriKind.Relative), new StringContent(forged.ToJsonString(), Encoding.UTF8, "application/json"));
        using var workItems = await app.Client.PostAsync(new Uri("/EngineWorkItems", UriKind.Relative), new StringContent(forged.ToJsonString(), Encoding.UTF8, "application/json"));
        using var reconcile = await app.Client.PostAsync(new Uri("/ReconcileDecisions", UriKind.Relative), new StringContent(timer.ToJsonString(), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.NotFound, control.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, workItems.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, reconcile.StatusCode);
    }

    private static async Task<(HttpStatusCode Status, JsonNode? Body)> InvokeAsync(TestApp app, string function, string text, long dequeueCount, string id, string popReceipt)
    {
        var payload = new JsonObject
        {
            ["Data"] = new JsonObject { ["message"] = text },
            ["Metadata"] = new JsonObject
            {
                ["DequeueCount"] = dequeueCount,
                ["Id"] = id,
                ["PopReceipt"] = popReceipt,
                ["InsertionTime"] = "2026-11-21T09:00:00+00:00",
                ["ExpirationTime"] = "9999-12-31T23:59:59+00:00",
                ["NextVisibleTime"] = "2026-11-21T09:10:00+00:00",
                ["sys"] = new JsonObject { ["MethodName"] = function, ["UtcNow"] = "2026-11-21T09:00:00Z", ["RandGuid"] = Guid.NewGuid().ToString() },
            },
        };
        using var response = await app.Client.PostAsync(new Uri("/" + function, UriKind.Relative), new StringContent(payload.ToJsonString(), Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, string.IsNullOrEmpty(body) ? null : JsonNode.Parse(body));
    }

}
