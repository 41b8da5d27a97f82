namespace GuanGong.Functions.Statistics;

/// <summary>Progress towards the year's cumulative target share: required = ⌈established × share⌉.</summary>
public sealed record TargetView(decimal Share, int Required, int Passed, int Shortfall, bool Met);
