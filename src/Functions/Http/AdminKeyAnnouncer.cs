namespace GuanGong.Functions.Http;

/// <summary>
/// Makes the admin key exist before the app says it is ready (the key was created on the first admin
/// request, so a newcomer reading “ready” found no <c>.local/admin-key</c>), and logs where the local
/// profile keeps it. The key itself is never logged.
/// </summary>
public sealed partial class AdminKeyAnnouncer(AccessKeys keys, ILogger<AdminKeyAnnouncer> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (keys.LocalAdminKeyPath is { } path)
        {
            LogLocation(logger, path);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Admin key (dashboard sign-in at /d, X-Admin-Key for the API) is in {Path}")]
    private static partial void LogLocation(ILogger logger, string path);
}
