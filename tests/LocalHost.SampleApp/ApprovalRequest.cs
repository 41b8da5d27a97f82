namespace GuanGong.LocalHost.SampleApp;

/// <summary>The orchestration's input: what is to be approved and how long to wait for a decision.</summary>
public sealed record ApprovalRequest(string Subject, int TimeoutSeconds);
