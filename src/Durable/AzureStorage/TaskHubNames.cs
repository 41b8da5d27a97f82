using System.Globalization;
using System.Text.RegularExpressions;

namespace GuanGong.Durable.AzureStorage;

/// <summary>The names of a task hub's tables, queues and container, following Durable's Azure Storage provider.</summary>
public sealed partial class TaskHubNames
{
    /// <summary>Derives every name from the hub name and the number of control-queue partitions.</summary>
    /// <param name="hub">The task hub name.</param>
    /// <param name="partitionCount">How many control queues.</param>
    public TaskHubNames(string hub, int partitionCount)
    {
        if (!HubPattern().IsMatch(hub))
        {
            throw new ArgumentException($"Task hub name '{hub}' must be 3 to 45 letters or digits and start with a letter.", nameof(hub));
        }

        var lower = hub.ToLowerInvariant();
        HistoryTable = hub + "History";
        InstancesTable = hub + "Instances";
        ControlQueues = [.. Enumerable.Range(0, partitionCount).Select(i => string.Create(CultureInfo.InvariantCulture, $"{lower}-control-{i:D2}"))];
        WorkItemQueue = lower + "-workitems";
        LargeMessagesContainer = lower + "-largemessages";
    }

    /// <summary>The history (and status) table.</summary>
    public string HistoryTable { get; }

    public string InstancesTable { get; }

    /// <summary>The control queues, one per partition (queue triggers bind to these).</summary>
    public IReadOnlyList<string> ControlQueues { get; }

    /// <summary>The activity work-item queue.</summary>
    public string WorkItemQueue { get; }

    public string LargeMessagesContainer { get; }

    /// <summary>The poison queue beside <paramref name="queue"/>.</summary>
    /// <param name="queue">The queue whose poison messages are moved aside.</param>
    /// <returns>The poison queue name.</returns>
    public static string Poison(string queue) => queue + "-poison";

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,44}$")]
    private static partial Regex HubPattern();
}
