namespace GuanGong.Functions.Health;

/// <summary>One storage service's state as the health function reports it.</summary>
public sealed record ServiceHealth(string Service, string Endpoint, bool Reachable, bool Authorized, long ElapsedMs, string? Error);
