using GuanGong.Domain;
using GuanGong.Domain.Campaigns;
using GuanGong.Domain.Organisations;
using GuanGong.Domain.Statistics;

namespace GuanGong.Functions.Statistics;

/// <summary>
/// The parts of <see cref="CampaignStatistics"/> that do not depend on the instant (pass rates per
/// subtree, by kind, the target year), remembered for the last few inputs: a city's dashboard read
/// again with nothing changed skips recounting 5,000 units and rebuilding 5,000 views. A hit needs
/// equal inputs (the same tree instance, root and year, the same campaign settings as serialised,
/// the same status for every unit), so it can only ever give what computing again would give.
/// </summary>
public sealed class PassRateViews
{
    public const int Capacity = 16;

    private readonly LinkedList<Entry> _entries = new();

    /// <summary>The remembered views, or those <paramref name="compute"/> gives (then remembered).</summary>
    public Views GetOrCompute(OrganisationTree tree, string root, int year, CampaignSettings settings, IReadOnlyDictionary<string, UnitStatus> statuses, Func<Views> compute)
    {
        ArgumentNullException.ThrowIfNull(compute);
        var key = new Entry(tree, root, year, DomainJson.Serialize(settings), statuses, null!);
        lock (_entries)
        {
            for (var node = _entries.First; node is not null; node = node.Next)
            {
                if (node.Value.Matches(key))
                {
                    _entries.Remove(node);
                    _entries.AddFirst(node);
                    return node.Value.Views;
                }
            }
        }

        var views = compute();
        lock (_entries)
        {
            _entries.AddFirst(key with { Views = views });
            while (_entries.Count > Capacity)
            {
                _entries.RemoveLast();
            }
        }

        return views;
    }

    /// <summary>The instant-free views of one campaign scope.</summary>
    public sealed record Views(SubtreeView PassRates, IReadOnlyList<KindView> ByKind, TargetYearView TargetYear);

    private sealed record Entry(OrganisationTree Tree, string Root, int Year, string Settings, IReadOnlyDictionary<string, UnitStatus> Statuses, Views Views)
    {
        public bool Matches(Entry other) =>
            ReferenceEquals(Tree, other.Tree) && Root == other.Root && Year == other.Year && Settings == other.Settings && SameStatuses(Statuses, other.Statuses);

        private static bool SameStatuses(IReadOnlyDictionary<string, UnitStatus> a, IReadOnlyDictionary<string, UnitStatus> b) =>
            a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var status) && status == kv.Value);
    }
}
