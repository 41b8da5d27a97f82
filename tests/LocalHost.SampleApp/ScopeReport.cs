namespace GuanGong.LocalHost.SampleApp;

public sealed record ScopeReport(
    Guid ConstructorScope,
    Guid ContextScope,
    Guid RequestScope,
    bool SameHttpContext,
    int Invocation,
    string FunctionName,
    string InvocationId);
