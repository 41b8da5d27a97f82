using GuanGong.LocalHost.Metadata;
using Microsoft.Azure.Functions.Worker;

namespace GuanGong.LocalHost.Invocation;

/// <summary>A binding of functions.metadata as the worker's <see cref="BindingMetadata"/>.</summary>
internal sealed class LocalBindingMetadata(FunctionBinding binding) : BindingMetadata
{
    public override string Name => binding.Name;

    public override string Type => binding.Type;

    public override BindingDirection Direction =>
        string.Equals(binding.Direction, "Out", StringComparison.OrdinalIgnoreCase) ? BindingDirection.Out : BindingDirection.In;
}
