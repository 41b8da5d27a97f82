using System.Text.Json;
using GuanGong.LocalHost.DurableFunctions;
using GuanGong.LocalHost.Invocation;
using GuanGong.LocalHost.Metadata;
using GuanGong.LocalHost.SampleApp;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Converters;
using Microsoft.Extensions.DependencyInjection;

namespace GuanGong.LocalHost.Tests;

public sealed class DurableRegistrationTests
{
    private static readonly IReadOnlyList<LocalFunction> Functions =
        [.. FunctionMetadataFile.Read(Path.GetDirectoryName(typeof(SampleServices).Assembly.Location)!)
            .Select(f => LocalFunction.Resolve(f, typeof(SampleServices).Assembly))];

    [Fact]
    public void Factory_SampleFunctions_OrchestratorAndActivitiesFromMetadata()
    {
        using var services = new ServiceCollection().BuildServiceProvider();

        var factory = new FunctionTaskFactory(Functions, services, JsonDataConverter.Default);

        Assert.Equal([nameof(ApprovalOrchestration)], factory.Orchestrators);
        Assert.Equal([nameof(ApprovalActivities.AnnounceApproval), nameof(ApprovalActivities.RecordDecision)], factory.Activities.Order());
        Assert.True(factory.TryCreateActivity(nameof(ApprovalActivities.RecordDecision), services, out var activity));
        Assert.Equal(typeof(DecisionRecord), activity.InputType);
        Assert.Equal(typeof(RecordedDecision), activity.OutputType);
        Assert.False(factory.TryCreateOrchestrator("Nope", services, out _));
    }

    [Fact]
    public void Register_DurableTaskRegistry_TakesTheSameFunctions()
    {
        using var services = new ServiceCollection().BuildServiceProvider();
        var registry = new DurableTaskRegistry();

        DurableFunctionRegistry.Register(registry, Functions, services, JsonDataConverter.Default);

        // The registry's factory is internal to the worker package; registering a name twice throws, which shows each is there.
        Assert.Throws<ArgumentException>(() => registry.AddOrchestrator(nameof(ApprovalOrchestration), () => null!));
        Assert.Throws<ArgumentException>(() => registry.AddActivity(nameof(ApprovalActivities.AnnounceApproval), _ => null!));
    }

    [Fact]
    public async Task Activity_RunAsync_NewAppScopePerRun()
    {
        await using var host = await SampleHost.StartAsync(o => o.RunTimers = false);
        var factory = new FunctionTaskFactory(Functions, host.Services, JsonDataConverter.Default);
        factory.TryCreateActivity(nameof(ApprovalActivities.RecordDecision), host.Services, out var activity);

        var first = (RecordedDecision)(await activity!.RunAsync(new StubActivityContext(), new DecisionRecord("s", "v", false)))!;
        var second = (RecordedDecision)(await activity.RunAsync(new StubActivityContext(), new DecisionRecord("s", "v", false)))!;

        Assert.NotEqual(first.Scope, second.Scope);
        Assert.Equal(first.ActivityCount + 1, second.ActivityCount);
    }

    [Fact]
    public void GetInput_WrapperContext_DeserialisesToTheTypeAsked()
    {
        var raw = JsonSerializer.SerializeToElement(new ApprovalRequest("x", 5));
        var context = new InputDeserializingContext(null!, raw, JsonDataConverter.Default, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);

        Assert.Equal(new ApprovalRequest("x", 5), context.GetInput<ApprovalRequest>());
        Assert.Equal(5, context.GetInput<JsonElement>().GetProperty("TimeoutSeconds").GetInt32());
    }

    private sealed class StubActivityContext : TaskActivityContext
    {
        public override TaskName Name => "RecordDecision";

        public override string InstanceId => "i";
    }
}
