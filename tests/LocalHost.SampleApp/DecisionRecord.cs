namespace GuanGong.LocalHost.SampleApp;

/// <summary>An activity input: the subject and how it was decided.</summary>
public sealed record DecisionRecord(string Subject, string Verdict, bool TimedOut);
