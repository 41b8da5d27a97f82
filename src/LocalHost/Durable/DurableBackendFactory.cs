namespace GuanGong.LocalHost.Durable;

/// <summary>Makes the Durable backend for one host.</summary>
public delegate Task<IDurableBackend> DurableBackendFactory(DurableBackendContext context, CancellationToken cancellationToken);
