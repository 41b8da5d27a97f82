using System.Text;

namespace GuanGong.Durable;

/// <summary>Maps an instance id onto a control-queue partition with a stable hash (FNV-1a), so every process agrees.</summary>
public static class PartitionHash
{
    /// <summary>The partition of <paramref name="instanceId"/>.</summary>
    /// <param name="instanceId">The instance id.</param>
    /// <param name="partitionCount">The number of partitions.</param>
    /// <returns>0 to <paramref name="partitionCount"/> - 1.</returns>
    public static int Of(string instanceId, int partitionCount)
    {
        ArgumentNullException.ThrowIfNull(instanceId);
        uint hash = 2166136261;
        foreach (var b in Encoding.UTF8.GetBytes(instanceId))
        {
            hash = (hash ^ b) * 16777619;
        }

        return (int)(hash % (uint)partitionCount);
    }
}
