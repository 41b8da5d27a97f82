namespace GuanGong.LocalHost.DurableFunctions;

/// <summary>Makes the Durable backend for one host.</summary>
public delegate Task<IDurableBackend> DurableBackendFactory(DurableBackendContext context, CancellationToken cancellationToken);
