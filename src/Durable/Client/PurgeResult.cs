namespace GuanGong.Durable;

/// <summary>The result of a purge.</summary>
/// <param name="PurgedInstanceCount">How many instances were deleted.</param>
public sealed record PurgeResult(int PurgedInstanceCount);
