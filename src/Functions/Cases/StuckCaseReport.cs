namespace GuanGong.Functions.Cases;

/// <summary>
/// What the stuck-case report (<see cref="Reviews.DecisionReconciler.ReportStuckAsync"/>, every five minutes) last
/// found, kept in one row so the dashboard can list what the case rows alone do not show (a decision stored and never
/// applied, an instance the engine gave up) without reading the decisions table or the engine on every view. Versioned
/// contract.
/// </summary>
/// <param name="SchemaVersion">Version of this shape.</param>
/// <param name="At">When the report ran.</param>
/// <param name="Cases">The stuck cases it found, oldest first, at most <see cref="MaxCases"/>.</param>
/// <param name="More">How many more it found than it kept.</param>
public sealed record StuckCaseReport(int SchemaVersion, DateTimeOffset At, IReadOnlyList<StuckCase> Cases, int More)
{
    public const int CurrentSchemaVersion = 1;

    /// <summary>The most cases one report keeps (about 100 bytes each, well within a row).</summary>
    public const int MaxCases = 2_000;

    /// <summary>The report of <paramref name="found"/>: the oldest first, cut to <see cref="MaxCases"/>.</summary>
    public static StuckCaseReport Of(DateTimeOffset at, IEnumerable<StuckCase> found)
    {
        var all = found.OrderBy(c => c.Since).ThenBy(c => c.CaseId, StringComparer.Ordinal).ToList();
        return new StuckCaseReport(CurrentSchemaVersion, at, [.. all.Take(MaxCases)], Math.Max(0, all.Count - MaxCases));
    }

    /// <summary>Whether <paramref name="other"/> names the same cases for the same reasons since the same instants.</summary>
    public bool SameCasesAs(StuckCaseReport? other) => other is not null && More == other.More && Cases.SequenceEqual(other.Cases);
}

/// <summary>A stuck case, why (<see cref="CaseHealth"/>) and since when.</summary>
public sealed record StuckCase(string CaseId, StuckReason Reason, DateTimeOffset Since);

/// <summary>The three signs of a stuck case (<see cref="CaseHealth"/>).</summary>
public enum StuckReason
{
    /// <summary>The row says the engine owes the next step (accepting, or opening the next task) and has not changed for an hour.</summary>
    EngineOwesStep,

    /// <summary>A reviewer's decision on the open task was stored over an hour ago and the workflow has not applied it.</summary>
    DecisionNotApplied,

    /// <summary>The engine gave the case's instance up (Failed or Terminated): nothing will move the case on.</summary>
    InstanceGivenUp,
}
