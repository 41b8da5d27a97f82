namespace GuanGong.LocalHost.SampleApp;

/// <summary>A scoped service: one per invocation, so its id tells scopes apart.</summary>
public sealed class RequestScope
{
    public Guid Id { get; } = Guid.NewGuid();
}
