using Microsoft.Extensions.Hosting;

namespace GuanGong.LocalHost.SampleApp;

/// <summary>The app's own hosted service: a host must start and stop it.</summary>
public sealed class StartupMarker : IHostedService
{
    public static int Started => Volatile.Read(ref s_started);

    public static int Stopped => Volatile.Read(ref s_stopped);

    private static int s_started;
    private static int s_stopped;

    public bool IsRunning { get; private set; }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        IsRunning = true;
        Interlocked.Increment(ref s_started);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        IsRunning = false;
        Interlocked.Increment(ref s_stopped);
        return Task.CompletedTask;
    }
}
