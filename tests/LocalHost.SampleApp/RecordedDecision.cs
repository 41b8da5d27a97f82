namespace GuanGong.LocalHost.SampleApp;

/// <summary>What the recording activity saw: the app-wide activity count and its own DI scope.</summary>
public sealed record RecordedDecision(int ActivityCount, Guid Scope);
