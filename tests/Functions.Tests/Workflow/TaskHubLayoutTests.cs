using Azure.Data.Tables;
using Azure.Storage.Queues;
using GuanGong.Testing;

namespace GuanGong.Functions.Tests.Workflow;

/// <summary>
/// After a case runs on the local host, the storage account holds the Durable extension's own layout (the engine
/// is DTFx's Azure Storage provider, as in Azure): the hub's History and Instances tables, its control and
/// work-item queues, and the case's history in them.
/// </summary>
public sealed class TaskHubLayoutTests
{
    [Fact]
    public async Task CaseRun_LeavesTheDurableExtensionsTaskHubLayoutInStorage()
    {
        await using var smtp = new SmtpSink();
        var hub = "layout" + Guid.NewGuid().ToString("N")[..8];
        await using var app = await AcceptanceChainEndToEndTests.StartAsync(smtp, extra: new Dictionary<string, string?> { ["AzureFunctionsJobHost:extensions:durableTask:hubName"] = hub });
        await app.SetUpCountyAsync(villages: 1);
        var unitToken = SampleCounty.TokenOf((await smtp.WaitForAsync(m => m.To.Contains("village1@example.cn"))).LinkWith("/u/"));
        (await app.SubmitAsync(unitToken)).EnsureSuccessStatusCode();
        await smtp.WaitForAsync(m => m.To.Contains("town@example.cn") && m.Subject.StartsWith("请审核", StringComparison.Ordinal));
        var caseId = SampleCounty.CaseId("V1");
        await app.WaitForCaseAsync(caseId, c => c.GetProperty("engineStatus").GetString() == "Running");

        var tables = new TableServiceClient(app.ConnectionString);
        var tableNames = new List<string>();
        await foreach (var table in tables.QueryAsync(t => t.Name.CompareTo(hub) >= 0 && t.Name.CompareTo(hub + "~") < 0))
        {
            tableNames.Add(table.Name);
        }

        var queues = new QueueServiceClient(app.ConnectionString);
        var queueNames = new List<string>();
        await foreach (var queue in queues.GetQueuesAsync(prefix: hub.ToLowerInvariant()))
        {
            queueNames.Add(queue.Name);
        }

        Assert.Contains(hub + "History", tableNames);
        Assert.Contains(hub + "Instances", tableNames);
        Assert.Contains($"{hub}-control-00", queueNames);
        Assert.Contains($"{hub}-workitems", queueNames);
        var instance = await tables.GetTableClient(hub + "Instances").GetEntityAsync<TableEntity>("case-" + caseId, string.Empty);
        Assert.Equal("CaseWorkflow", instance.Value.GetString("Name"));
        // The township's mail goes out inside the first activity, before the engine records that activity's
        // completion: read the history until the completion is there (or 30 s have passed).
        var events = new List<string>();
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            events.Clear();
            await foreach (var e in tables.GetTableClient(hub + "History").QueryAsync<TableEntity>(e => e.PartitionKey == "case-" + caseId))
            {
                if (e.GetString("EventType") is { } type)
                {
                    events.Add(type);
                }
            }

            if (events.Contains("TaskCompleted") || patience.IsCancellationRequested)
            {
                break;
            }

            await Task.Delay(200, CancellationToken.None);
        }

        Assert.Contains("ExecutionStarted", events);
        Assert.Contains("TaskScheduled", events);
        Assert.Contains("TaskCompleted", events);
    }
}
