using System.Reflection;

namespace GuanGong.Durable;

/// <summary>
/// The orchestrators and activities a worker can run, by name (case-insensitive) and version.
/// Several versions of one orchestrator can be registered side by side: an instance runs the
/// version it started on for its whole life, and new instances get the default version.
/// </summary>
public sealed partial class DurableTaskRegistry
{
    private readonly Dictionary<string, OrchestratorVersions> _orchestrators = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Func<IServiceProvider, ITaskActivity>> _activities = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _queuedOnly = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The registered orchestrator names.</summary>
    public IReadOnlyCollection<string> OrchestratorNames => _orchestrators.Keys;

    /// <summary>The registered activity names.</summary>
    public IReadOnlyCollection<string> ActivityNames => _activities.Keys;

    private static (string Name, string Version) NameOf(Type type)
    {
        var attribute = type.GetCustomAttribute<DurableTaskAttribute>();
        return (attribute?.Name ?? type.Name, attribute?.Version ?? string.Empty);
    }

    private sealed class OrchestratorVersions
    {
        public Dictionary<string, Func<IServiceProvider, ITaskOrchestrator>> ByVersion { get; } = new(StringComparer.Ordinal);

        public string DefaultVersion { get; set; } = string.Empty;
    }
}
