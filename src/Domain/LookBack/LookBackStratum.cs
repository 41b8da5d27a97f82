namespace GuanGong.Domain.LookBack;

/// <summary>One stratum of a look-back sample: the passed units under one township (or one other parent).</summary>
/// <param name="StratumCode">The township's code (or the parent's, for units not under a township).</param>
/// <param name="PassedCount">Passed units in the stratum.</param>
/// <param name="SampleSize">Units drawn: ⌈passed × share⌉.</param>
/// <param name="SelectedUnitCodes">The units drawn, in draw order.</param>
public sealed record LookBackStratum(string StratumCode, int PassedCount, int SampleSize, IReadOnlyList<string> SelectedUnitCodes);
