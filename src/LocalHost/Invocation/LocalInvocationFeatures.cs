using System.Collections;
using Microsoft.Azure.Functions.Worker;

namespace GuanGong.LocalHost.Invocation;

/// <summary>A plain feature bag; the worker's own features (binding, output) are not provided.</summary>
internal sealed class LocalInvocationFeatures : IInvocationFeatures
{
    private readonly Dictionary<Type, object> _features = [];

    public void Set<T>(T instance) => _features[typeof(T)] = instance!;

    public T? Get<T>() => _features.TryGetValue(typeof(T), out var value) ? (T)value : default;

    public IEnumerator<KeyValuePair<Type, object>> GetEnumerator() => _features.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
