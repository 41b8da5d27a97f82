namespace GuanGong.LocalHost;

/// <summary>Azurite's three ports; 0 for each means free ports chosen at start.</summary>
/// <param name="Blob">Blob service port.</param>
/// <param name="Queue">Queue service port.</param>
/// <param name="Table">Table service port.</param>
public sealed record AzuritePorts(int Blob, int Queue, int Table)
{
    /// <summary>Azurite's defaults (10000, 10001, 10002), which <c>UseDevelopmentStorage=true</c> points at.</summary>
    public static AzuritePorts Default { get; } = new(10000, 10001, 10002);

    /// <summary>Three free ports, chosen when Azurite starts.</summary>
    public static AzuritePorts Free { get; } = new(0, 0, 0);
}
