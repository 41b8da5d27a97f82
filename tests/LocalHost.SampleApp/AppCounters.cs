namespace GuanGong.LocalHost.SampleApp;

/// <summary>A singleton counting invocations, to show singletons are shared across scopes.</summary>
public sealed class AppCounters
{
    private int _invocations;
    private int _activities;

    public int Invocations => Volatile.Read(ref _invocations);

    public int Activities => Volatile.Read(ref _activities);

    public int NextInvocation() => Interlocked.Increment(ref _invocations);

    public int NextActivity() => Interlocked.Increment(ref _activities);
}
