using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;

namespace GuanGong.Durable;

public sealed partial class DurableTaskRegistry
{
    /// <summary>Registers an orchestrator factory under <paramref name="name"/> and <paramref name="version"/>.</summary>
    /// <param name="name">The orchestrator name.</param>
    /// <param name="version">The version ("" when unversioned).</param>
    /// <param name="factory">Creates the orchestrator for each episode.</param>
    /// <param name="isDefault">Whether new instances get this version (the last registered version is the default unless told otherwise).</param>
    /// <returns>This registry.</returns>
    public DurableTaskRegistry AddOrchestrator(string name, string version, Func<IServiceProvider, ITaskOrchestrator> factory, bool isDefault = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(factory);
        if (!_orchestrators.TryGetValue(name, out var versions))
        {
            versions = new OrchestratorVersions();
            _orchestrators[name] = versions;
        }

        if (!versions.ByVersion.TryAdd(version, factory))
        {
            throw new ArgumentException($"Orchestrator '{name}' version '{version}' is already registered.", nameof(version));
        }

        if (isDefault || versions.ByVersion.Count == 1)
        {
            versions.DefaultVersion = version;
        }

        return this;
    }

    /// <summary>Registers a delegate orchestrator (unversioned).</summary>
    /// <typeparam name="TInput">The input type.</typeparam>
    /// <typeparam name="TOutput">The output type.</typeparam>
    /// <param name="name">The orchestrator name.</param>
    /// <param name="orchestrator">The orchestrator body.</param>
    /// <returns>This registry.</returns>
    public DurableTaskRegistry AddOrchestratorFunc<TInput, TOutput>(string name, Func<TaskOrchestrationContext, TInput, Task<TOutput>> orchestrator) =>
        AddOrchestratorFunc(name, string.Empty, orchestrator);

    /// <summary>Registers a delegate orchestrator under a version.</summary>
    /// <typeparam name="TInput">The input type.</typeparam>
    /// <typeparam name="TOutput">The output type.</typeparam>
    /// <param name="name">The orchestrator name.</param>
    /// <param name="version">The version.</param>
    /// <param name="orchestrator">The orchestrator body.</param>
    /// <param name="isDefault">Whether new instances get this version.</param>
    /// <returns>This registry.</returns>
    public DurableTaskRegistry AddOrchestratorFunc<TInput, TOutput>(string name, string version, Func<TaskOrchestrationContext, TInput, Task<TOutput>> orchestrator, bool isDefault = true)
    {
        ArgumentNullException.ThrowIfNull(orchestrator);
        var instance = new DelegateOrchestrator<TInput, TOutput>(orchestrator);
        return AddOrchestrator(name, version, _ => instance, isDefault);
    }

    /// <summary>Registers a delegate orchestrator that takes no input.</summary>
    /// <typeparam name="TOutput">The output type.</typeparam>
    /// <param name="name">The orchestrator name.</param>
    /// <param name="orchestrator">The orchestrator body.</param>
    /// <returns>This registry.</returns>
    public DurableTaskRegistry AddOrchestratorFunc<TOutput>(string name, Func<TaskOrchestrationContext, Task<TOutput>> orchestrator)
    {
        ArgumentNullException.ThrowIfNull(orchestrator);
        return AddOrchestratorFunc<object?, TOutput>(name, (context, _) => orchestrator(context));
    }

    /// <summary>Registers a class-based orchestrator under the name (and version) of its <see cref="DurableTaskAttribute"/> or its class name.</summary>
    /// <typeparam name="TOrchestrator">The orchestrator class.</typeparam>
    /// <returns>This registry.</returns>
    public DurableTaskRegistry AddOrchestrator<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TOrchestrator>()
        where TOrchestrator : class, ITaskOrchestrator
    {
        var (name, version) = NameOf(typeof(TOrchestrator));
        return AddOrchestrator(name, version, services => ActivatorUtilities.CreateInstance<TOrchestrator>(services));
    }

    /// <summary>The version new instances of <paramref name="name"/> get, or null when no such orchestrator is registered.</summary>
    /// <param name="name">The orchestrator name.</param>
    /// <returns>The default version.</returns>
    public string? GetDefaultVersion(string name) =>
        _orchestrators.TryGetValue(name, out var versions) ? versions.DefaultVersion : null;

    /// <summary>The registered versions of <paramref name="name"/>.</summary>
    /// <param name="name">The orchestrator name.</param>
    /// <returns>The versions (empty when unknown).</returns>
    public IReadOnlyCollection<string> GetVersions(string name) =>
        _orchestrators.TryGetValue(name, out var versions) ? versions.ByVersion.Keys : [];

    internal ITaskOrchestrator? CreateOrchestrator(string name, string? version, IServiceProvider services)
    {
        if (!_orchestrators.TryGetValue(name, out var versions))
        {
            return null;
        }

        return versions.ByVersion.TryGetValue(version ?? versions.DefaultVersion, out var factory) ? factory(services) : null;
    }
}
