using GuanGong.Functions.Audit;
using GuanGong.Functions.Cases.Workflow;
using Microsoft.DurableTask.Converters;

namespace GuanGong.Functions.Tests.Workflow;

/// <summary>Orchestration inputs are persisted in history and queues: shapes written earlier must still read.</summary>
public sealed class WorkflowContractTests
{
    [Fact]
    public void CaseWorkflowInput_WrittenBeforeSubmittedFromExisted_ReadsWithoutAnOrigin()
    {
        var input = JsonDataConverter.Default.Deserialize<CaseWorkflowInput>("""{"SchemaVersion":1,"CaseId":"2026-V1-WX"}""");

        Assert.Equal("2026-V1-WX", input!.CaseId);
        Assert.Null(input.SubmittedFrom);
    }

    [Fact]
    public void CaseWorkflowInput_WithOrigin_RoundTrips()
    {
        var written = new CaseWorkflowInput(CaseWorkflowInput.CurrentSchemaVersion, "2026-V1-WX", new RequestOrigin("127.0.0.1", "curl/8"));

        var read = JsonDataConverter.Default.Deserialize<CaseWorkflowInput>(JsonDataConverter.Default.Serialize(written));

        Assert.Equal(written, read);
    }

    [Fact]
    public void OpenTaskInput_WrittenWhenTheOrchestratorPassedItsTime_StillReadsItsStart()
    {
        var input = JsonDataConverter.Default.Deserialize<OpenTaskInput>("""{"CaseId":"2026-V1-WX","Stage":1,"Round":1,"StartedAt":"2026-03-02T01:00:00+00:00"}""");

        Assert.Equal(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero), input!.StartedAt);
    }

    [Fact]
    public void OpenTaskInput_Now_CarriesNoStart_TheActivityTakesItFromTheBusinessClock()
    {
        var read = JsonDataConverter.Default.Deserialize<OpenTaskInput>(JsonDataConverter.Default.Serialize(new OpenTaskInput("2026-V1-WX", 1, 1)));

        Assert.Null(read!.StartedAt);
    }
}
