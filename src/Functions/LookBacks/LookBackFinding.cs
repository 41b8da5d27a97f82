namespace GuanGong.Functions.LookBacks;

/// <summary>One finding of a look-back check on a unit (e.g. "活动记录2026年下半年空白").</summary>
public sealed record LookBackFinding(string Text, string RecordedBy, DateTimeOffset RecordedAt);
