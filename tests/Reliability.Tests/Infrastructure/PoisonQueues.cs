using System.Text.Json;
using GuanGong.Durable.AzureStorage;
using Azure.Storage.Queues;

namespace GuanGong.Reliability.Tests.Infrastructure;

/// <summary>What a task hub's poison queues hold, by instance, as distinct message ids (recovery may re-send a message under its own id).</summary>
internal static class PoisonQueues
{
    /// <summary>A queue client for the engine's queues: it writes UTF-8 text Base64-encoded (as the Functions queue convention does).</summary>
    public static QueueServiceClient Connect(string connectionString) =>
        new(connectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });

    public static async Task<Dictionary<string, HashSet<string>>> ReadAsync(QueueServiceClient queues, string hub, int partitions, Action<string>? log = null)
    {
        var names = new TaskHubNames(hub, partitions);
        var ids = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var queue in names.ControlQueues.Append(names.WorkItemQueue))
        {
            var poison = queues.GetQueueClient(queue + "-poison");
            if (!await poison.ExistsAsync())
            {
                continue;
            }

            foreach (var message in (await poison.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(1))).Value)
            {
                var text = message.Body.ToString();
                log?.Invoke($"{poison.Name}: {(text.Length <= 200 ? text : text[..200])}");
                using var body = JsonDocument.Parse(text);
                var instance = body.RootElement.GetProperty("instanceId").GetString()!;
                if (!ids.TryGetValue(instance, out var set))
                {
                    ids[instance] = set = new HashSet<string>(StringComparer.Ordinal);
                }

                set.Add(body.RootElement.GetProperty("messageId").GetString()!);
            }
        }

        return ids;
    }

    /// <summary>Quarantined messages of instances whose id contains <paramref name="victim"/>, and of all others.</summary>
    public static (int Victim, int Bystanders) Count(Dictionary<string, HashSet<string>> poison, string victim) =>
        (poison.Where(p => p.Key.Contains(victim, StringComparison.Ordinal)).Sum(p => p.Value.Count),
         poison.Where(p => !p.Key.Contains(victim, StringComparison.Ordinal)).Sum(p => p.Value.Count));
}
