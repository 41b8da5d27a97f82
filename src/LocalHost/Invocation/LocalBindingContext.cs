using Microsoft.Azure.Functions.Worker;

namespace GuanGong.LocalHost.Invocation;

/// <summary>Trigger data (route values, query) as the worker exposes it.</summary>
internal sealed class LocalBindingContext(IReadOnlyDictionary<string, object?> data) : BindingContext
{
    public override IReadOnlyDictionary<string, object?> BindingData => data;
}
