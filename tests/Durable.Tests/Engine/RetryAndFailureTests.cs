namespace GuanGong.Durable.Tests.Engine;

public sealed class RetryAndFailureTests
{
    private int _flakyCalls;

    private EngineHarness CreateSut() => new(registry => registry
        .AddActivityFunc<int, string>("Flaky", (_, failures) =>
        {
            var call = Interlocked.Increment(ref _flakyCalls);
            return call <= failures ? throw new InvalidOperationException($"attempt {call} failed") : Task.FromResult($"ok after {call}");
        })
        .AddActivityFunc<string, string>("Boom", (_, message) => throw new ArgumentException(message, new FormatException("inner cause")))
        .AddOrchestratorFunc<int, string>("Retrying", (context, failures) =>
            context.CallActivityAsync<string>("Flaky", failures, TaskOptions.FromRetryPolicy(new RetryPolicy(4, TimeSpan.FromMinutes(1), backoffCoefficient: 2))))
        .AddOrchestratorFunc<string, string>("Catching", async (context, message) =>
        {
            try
            {
                return await context.CallActivityAsync<string>("Boom", message);
            }
            catch (TaskFailedException ex)
            {
                return $"{ex.FailureDetails.ErrorType}|{ex.FailureDetails.ErrorMessage}|{ex.FailureDetails.InnerFailure?.ErrorMessage}|{ex.FailureDetails.IsCausedBy<ArgumentException>()}";
            }
        })
        .AddOrchestratorFunc<string, string>("Unhandled", (context, message) => context.CallActivityAsync<string>("Boom", message))
        .AddOrchestratorFunc<string, string>("Parent", (context, message) => context.CallSubOrchestratorAsync<string>("Unhandled", message)));

    [Fact]
    public async Task CallActivityAsync_WithRetryPolicy_RetriesWithExponentialBackOff()
    {
        await using var sut = CreateSut();
        var id = await sut.StartAsync("Retrying", 2);

        var metadata = await sut.RunToCompletionAsync(id, TimeSpan.FromSeconds(30));

        Assert.Equal("ok after 3", metadata.ReadOutputAs<string>());
        var timers = (await sut.Client.GetOrchestrationHistoryAsync(id)).OfType<TimerCreatedEvent>().ToList();
        Assert.Equal(2, timers.Count);
        Assert.Equal(TimeSpan.FromMinutes(1), timers[0].FireAt - timers[0].Timestamp);
        Assert.Equal(TimeSpan.FromMinutes(2), timers[1].FireAt - timers[1].Timestamp);
    }

    [Fact]
    public async Task CallActivityAsync_RetriesExhausted_FailsWithTheLastFailure()
    {
        await using var sut = CreateSut();
        var id = await sut.StartAsync("Retrying", 10);

        var metadata = await sut.RunToCompletionAsync(id, TimeSpan.FromMinutes(1));

        Assert.Equal(OrchestrationRuntimeStatus.Failed, metadata.RuntimeStatus);
        Assert.Equal(4, _flakyCalls);
        Assert.Contains("attempt 4 failed", metadata.FailureDetails!.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallActivityAsync_ActivityThrows_OrchestratorSeesFailureDetails()
    {
        await using var sut = CreateSut();

        var id = await sut.StartAsync("Catching", "bad input");

        Assert.Equal("System.ArgumentException|bad input|inner cause|True", (await sut.GetAsync(id)).ReadOutputAs<string>());
    }

    [Fact]
    public async Task CallSubOrchestratorAsync_ChildFails_ParentFailsWithChainedDetails()
    {
        await using var sut = CreateSut();

        var id = await sut.StartAsync("Parent", "deep");
        var metadata = await sut.GetAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, metadata.RuntimeStatus);
        Assert.Equal(typeof(TaskFailedException).FullName, metadata.FailureDetails!.ErrorType);
        Assert.Equal("deep", metadata.FailureDetails.InnerFailure?.InnerFailure?.ErrorMessage ?? FindMessage(metadata.FailureDetails));
        var child = await sut.GetAsync(id + ":0000");
        Assert.Equal(OrchestrationRuntimeStatus.Failed, child.RuntimeStatus);
    }

    private static string? FindMessage(TaskFailureDetails? details) =>
        details is null ? null : details.ErrorMessage == "deep" ? details.ErrorMessage : FindMessage(details.InnerFailure);
}
