namespace GuanGong.LocalHost.SampleApp;

/// <summary>One timer tick: when it ran and the schedule status it was given.</summary>
public sealed record TickRecord(DateTimeOffset At, DateTime? Last, DateTime? Next, bool IsPastDue);
