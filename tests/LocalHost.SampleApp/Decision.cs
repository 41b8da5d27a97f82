namespace GuanGong.LocalHost.SampleApp;

/// <summary>The external event's payload.</summary>
public sealed record Decision(string Verdict);
