using Azure.Data.Tables;
using GuanGong.Domain.Cases;
using GuanGong.Functions.Audit;
using GuanGong.Functions.Cases.Workflow;
using GuanGong.Functions.Http;
using GuanGong.Functions.Records;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace GuanGong.Functions.Submissions;

/// <summary>
/// Starts the workflow of every accepted case whose start was never sent: the row says "submitted" and the engine has
/// no instance for it — the process that accepted it stopped with the start still queued (<see cref="WorkflowStarts"/>),
/// or the start failed for good. On the process's start and every five minutes.
/// </summary>
/// <remarks>
/// A row is taken once it is older than <see cref="Grace"/>, or was written before this process began (its own
/// process is gone, or is another instance that sends starts within milliseconds): a start sent twice is refused or
/// dropped by the engine, so the grace only keeps the two paths from doing the same work. The workflow is started as
/// the submission would have started it, with the origin the submission kept on the row (<see cref="Cases.CaseRecord.SubmittedFrom"/>),
/// so its first step writes the "提交自评" audit entry with it (a row written before origins were kept: without one). Costs one query of the cases table per run
/// (12 an hour idle) and one instance read per case it finds.
/// </remarks>
public sealed partial class UnstartedCases(AppTables tables, StorageInitializer storage, WorkflowStarts starts, TimeProvider time, ILogger<UnstartedCases> logger)
{
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(1);

    [Function("StartUnstartedCases")]
    public async Task RunAsync([TimerTrigger("0 */5 * * * *", RunOnStartup = true)] TimerInfo timer, [DurableClient] DurableTaskClient engine, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(timer);
        try
        {
            await storage.WhenReadyAsync(ct);
            await StartAsync(engine, ct);
        }
        catch (Exception ex) when (ExceptionMapping.IsStorageUnavailable(ex))
        {
            // Storage is down: the next run tries again.
        }
    }

    /// <summary>Starts every unstarted case past its grace; returns how many it started.</summary>
    public async Task<int> StartAsync(DurableTaskClient engine, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var workflow = new CaseWorkflowClient(engine);
        var now = time.GetUtcNow();
        var cutoff = now - Grace > starts.StartedAt ? now - Grace : starts.StartedAt;
        var started = 0;
        await foreach (var stored in tables.Cases.QueryAsync(TableClient.CreateQueryFilter($"Status eq {CaseStatus.Submitted.ToString()}"), ct))
        {
            var @case = stored.Value;
            if (@case.State.Status != CaseStatus.Submitted || @case.UpdatedAt >= cutoff
                || await engine.GetInstanceAsync(CaseWorkflowNames.InstanceId(@case.CaseId), getInputsAndOutputs: false, ct) is not null)
            {
                continue;
            }

            await workflow.StartAsync(CaseWorkflowInput.ForNewInstance(@case.CaseId, @case.SubmittedFrom ?? RequestOrigin.Unknown), ct);
            LogStarted(logger, @case.CaseId, (int)(now - @case.UpdatedAt).TotalSeconds);
            started++;
        }

        return started;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Case {CaseId} was accepted {Seconds} s ago and its workflow had not been started: started now")]
    private static partial void LogStarted(ILogger logger, string caseId, int seconds);
}
