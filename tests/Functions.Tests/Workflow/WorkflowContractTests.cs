using GuanGong.Durable;
using GuanGong.Functions.Audit;
using GuanGong.Functions.Cases.Workflow;

namespace GuanGong.Functions.Tests.Workflow;

/// <summary>Orchestration inputs are persisted in history and queues: shapes written earlier must still read.</summary>
public sealed class WorkflowContractTests
{
    [Fact]
    public void CaseWorkflowInput_WrittenBeforeSubmittedFromExisted_ReadsWithoutAnOrigin()
    {
        var input = JsonDataConverter.Default.Deserialize<CaseWorkflowInput>("""{"schemaVersion":1,"caseId":"2026-V1-WX"}""");

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
}
