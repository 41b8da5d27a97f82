using GuanGong.LocalHost.DurableFunctions;

namespace GuanGong.LocalHost;

/// <summary>The Durable backend the command line uses (DTFx over Azure Storage, LocalHost.Durable).</summary>
internal static class DefaultDurable
{
    public static DurableBackendFactory? Factory => EngineDurableBackend.Factory;
}
