using System.Globalization;
using System.Text;

namespace GuanGong.Functions.Records;

/// <summary>A snapshot of a <see cref="StorageRequestCounter"/>.</summary>
public sealed class StorageRequestCounts(IReadOnlyDictionary<StorageOperationKey, long> counts)
{
    /// <summary>Requests per service and operation.</summary>
    public IReadOnlyDictionary<StorageOperationKey, long> Counts { get; } = counts;

    /// <summary>All requests.</summary>
    public long Total => Counts.Values.Sum();

    /// <summary>Requests to one service.</summary>
    public long ForService(string service) =>
        Counts.Where(pair => pair.Key.Service == service).Sum(pair => pair.Value);

    /// <summary>Requests for one service and operation.</summary>
    public long this[string service, string operation] =>
        Counts.GetValueOrDefault(new StorageOperationKey(service, operation));

    /// <summary>The counts, one <c>Service.Operation=n</c> per entry, sorted.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder();
        foreach (var pair in Counts.OrderBy(p => p.Key.ToString(), StringComparer.Ordinal))
        {
            builder.Append(CultureInfo.InvariantCulture, $"{pair.Key}={pair.Value} ");
        }

        return builder.ToString().TrimEnd();
    }
}
