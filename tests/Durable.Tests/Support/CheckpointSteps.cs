namespace GuanGong.Durable.Tests;

/// <summary>Every step where a crash can be injected: the crash tests run once per step.</summary>
internal static class CheckpointSteps
{
    public static TheoryData<CheckpointStep> All() => [.. Enum.GetValues<CheckpointStep>()];
}
