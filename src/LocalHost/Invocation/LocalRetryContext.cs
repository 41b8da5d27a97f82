using Microsoft.Azure.Functions.Worker;

namespace GuanGong.LocalHost.Invocation;

/// <summary>No retry policies locally: every invocation is the first.</summary>
internal sealed class LocalRetryContext : RetryContext
{
    public override int RetryCount => 0;

    public override int MaxRetryCount => 0;
}
