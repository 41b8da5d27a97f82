namespace GuanGong.LocalHost.Metadata;

/// <summary>One function as the Worker SDK's generated functions.metadata declares it.</summary>
/// <param name="Name">The function name (<c>[Function(name)]</c>).</param>
/// <param name="ScriptFile">The assembly file holding it.</param>
/// <param name="EntryPoint"><c>Namespace.Class.Method</c>, without signature.</param>
/// <param name="Bindings">Its bindings, trigger included.</param>
public sealed record FunctionMetadataEntry(string Name, string ScriptFile, string EntryPoint, IReadOnlyList<FunctionBinding> Bindings)
{
    /// <summary>The trigger binding, if the function has one.</summary>
    public FunctionBinding? Trigger => Bindings.FirstOrDefault(b => b.IsTrigger);

    /// <summary>The binding for a parameter name, if one is declared.</summary>
    public FunctionBinding? BindingFor(string parameterName) =>
        Bindings.FirstOrDefault(b => string.Equals(b.Name, parameterName, StringComparison.Ordinal));
}
