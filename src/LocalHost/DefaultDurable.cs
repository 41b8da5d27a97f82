using GuanGong.LocalHost.Durable;

namespace GuanGong.LocalHost;

/// <summary>The Durable backend the command line uses (none until LocalHost.Durable is referenced).</summary>
internal static class DefaultDurable
{
    public static DurableBackendFactory? Factory => null;
}
