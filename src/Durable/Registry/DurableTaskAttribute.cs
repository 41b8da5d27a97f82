namespace GuanGong.Durable;

/// <summary>Names (and optionally versions) a class-based orchestrator or activity; without it the class name is used.</summary>
/// <param name="name">The registered name.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class DurableTaskAttribute(string name) : Attribute
{
    /// <summary>The registered name.</summary>
    public string Name { get; } = name;

    /// <summary>The registered version (orchestrators only; empty when unversioned).</summary>
    public string Version { get; init; } = string.Empty;
}
