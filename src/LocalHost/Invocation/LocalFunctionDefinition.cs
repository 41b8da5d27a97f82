using System.Collections.Immutable;
using System.Reflection;
using GuanGong.LocalHost.Metadata;
using Microsoft.Azure.Functions.Worker;

namespace GuanGong.LocalHost.Invocation;

/// <summary>The worker's <see cref="FunctionDefinition"/>, filled from functions.metadata and the method.</summary>
internal sealed class LocalFunctionDefinition : FunctionDefinition
{
    public LocalFunctionDefinition(FunctionMetadataEntry metadata, MethodInfo method)
    {
        Name = metadata.Name;
        EntryPoint = metadata.EntryPoint;
        PathToAssembly = method.DeclaringType!.Assembly.Location;
        Id = metadata.Name;
        Parameters = [.. method.GetParameters().Select(p => new FunctionParameter(p.Name ?? "", p.ParameterType))];
        InputBindings = metadata.Bindings
            .Where(b => !string.Equals(b.Direction, "Out", StringComparison.OrdinalIgnoreCase))
            .ToImmutableDictionary(b => b.Name, b => (BindingMetadata)new LocalBindingMetadata(b));
        OutputBindings = metadata.Bindings
            .Where(b => string.Equals(b.Direction, "Out", StringComparison.OrdinalIgnoreCase))
            .ToImmutableDictionary(b => b.Name, b => (BindingMetadata)new LocalBindingMetadata(b));
    }

    public override ImmutableArray<FunctionParameter> Parameters { get; }

    public override string PathToAssembly { get; }

    public override string EntryPoint { get; }

    public override string Id { get; }

    public override string Name { get; }

    public override IImmutableDictionary<string, BindingMetadata> InputBindings { get; }

    public override IImmutableDictionary<string, BindingMetadata> OutputBindings { get; }
}
