namespace GuanGong.Functions.Audit;

/// <summary>
/// One step in a case's audit trail, persisted as a versioned contract. <see cref="Hash"/> covers
/// every other field and the previous entry's hash, so changing or removing any entry breaks the chain.
/// </summary>
public sealed record AuditEntry(
    int Version,
    string Stream,
    long Sequence,
    DateTimeOffset At,
    string Actor,
    string Action,
    string? Detail,
    string? IpAddress,
    string? UserAgent,
    string PreviousHash,
    string Hash)
{
    public const int CurrentVersion = 1;
}
