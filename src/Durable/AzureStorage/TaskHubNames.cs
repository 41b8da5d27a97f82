using System.Globalization;
using System.Text.RegularExpressions;

namespace GuanGong.Durable.AzureStorage;

/// <summary>The names of a task hub's tables, queues and container, following Durable's Azure Storage provider.</summary>
internal sealed partial class TaskHubNames
{
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

    public string HistoryTable { get; }

    public string InstancesTable { get; }

    public IReadOnlyList<string> ControlQueues { get; }

    public string WorkItemQueue { get; }

    public string LargeMessagesContainer { get; }

    public static string Poison(string queue) => queue + "-poison";

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,44}$")]
    private static partial Regex HubPattern();
}
