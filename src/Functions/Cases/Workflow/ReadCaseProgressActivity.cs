using Microsoft.Azure.Functions.Worker;

namespace GuanGong.Functions.Cases.Workflow;

/// <summary>Where a case stands now: how a workflow started on a case that already exists (a look-back's 限期整改) begins.</summary>
public sealed class ReadCaseProgressActivity(WorkflowServices services)
{
    [Function(CaseWorkflowNames.ReadCaseProgress)]
    public async Task<CaseProgress> RunAsync([ActivityTrigger] string input) =>
        WorkflowServices.Progress(await services.GetCaseAsync(input, CancellationToken.None));
}
