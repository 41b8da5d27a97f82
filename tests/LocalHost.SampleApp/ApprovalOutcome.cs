namespace GuanGong.LocalHost.SampleApp;

/// <summary>The orchestration's output.</summary>
public sealed record ApprovalOutcome(string Subject, string Verdict, bool TimedOut, string Announcement, int ActivityCount, Guid ActivityScope);
