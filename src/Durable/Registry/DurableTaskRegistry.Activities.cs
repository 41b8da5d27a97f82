using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;

namespace GuanGong.Durable;

public sealed partial class DurableTaskRegistry
{
    /// <summary>Registers an activity factory under <paramref name="name"/>.</summary>
    /// <param name="name">The activity name.</param>
    /// <param name="factory">Creates the activity for each call.</param>
    /// <returns>This registry.</returns>
    public DurableTaskRegistry AddActivity(string name, Func<IServiceProvider, ITaskActivity> factory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(factory);
        if (!_activities.TryAdd(name, factory))
        {
            throw new ArgumentException($"Activity '{name}' is already registered.", nameof(name));
        }

        return this;
    }

    /// <summary>Registers a delegate activity.</summary>
    /// <typeparam name="TInput">The input type.</typeparam>
    /// <typeparam name="TOutput">The result type.</typeparam>
    /// <param name="name">The activity name.</param>
    /// <param name="activity">The activity body.</param>
    /// <returns>This registry.</returns>
    public DurableTaskRegistry AddActivityFunc<TInput, TOutput>(string name, Func<TaskActivityContext, TInput, Task<TOutput>> activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var instance = new DelegateActivity<TInput, TOutput>(activity);
        return AddActivity(name, _ => instance);
    }

    /// <summary>Registers a delegate activity that returns nothing.</summary>
    /// <typeparam name="TInput">The input type.</typeparam>
    /// <param name="name">The activity name.</param>
    /// <param name="activity">The activity body.</param>
    /// <returns>This registry.</returns>
    public DurableTaskRegistry AddActivityFunc<TInput>(string name, Func<TaskActivityContext, TInput, Task> activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return AddActivityFunc<TInput, object?>(name, async (context, input) =>
        {
            await activity(context, input).ConfigureAwait(false);
            return null;
        });
    }

    /// <summary>Registers a class-based activity (created from the service provider per call) under its attribute name or class name.</summary>
    /// <typeparam name="TActivity">The activity class.</typeparam>
    /// <returns>This registry.</returns>
    public DurableTaskRegistry AddActivity<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TActivity>()
        where TActivity : class, ITaskActivity
    {
        var (name, _) = NameOf(typeof(TActivity));
        return AddActivity(name, services => ActivatorUtilities.CreateInstance<TActivity>(services));
    }

    internal bool HasActivity(string name) => _activities.ContainsKey(name);

    /// <summary>
    /// Marks an activity to run from the work-item queue even when the worker runs activities
    /// locally: one that takes long (a batch of mails) would keep its orchestration's message in
    /// flight for its whole run, and every crash of the worker in that time counts a delivery
    /// toward the poison limit, though the message did nothing wrong.
    /// </summary>
    /// <param name="name">The activity's name.</param>
    /// <returns>This registry.</returns>
    public DurableTaskRegistry RunQueued(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        _queuedOnly.Add(name);
        return this;
    }

    internal bool RunsLocally(string name) => HasActivity(name) && !_queuedOnly.Contains(name);

    internal ITaskActivity? CreateActivity(string name, IServiceProvider services) =>
        _activities.TryGetValue(name, out var factory) ? factory(services) : null;
}
