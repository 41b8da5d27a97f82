namespace GuanGong.Durable.AzureStorage;

/// <summary>An outbox clear this process deferred, and the consumed messages it held back meanwhile.</summary>
/// <param name="InstanceId">The instance.</param>
/// <param name="Token">The version token the outbox was written with.</param>
/// <param name="HeldDeletes">Receipts of the consumed messages to delete once the clear is written.</param>
internal sealed record PendingClear(string InstanceId, string Token, IReadOnlyList<object> HeldDeletes);
