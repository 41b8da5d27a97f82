using System.Diagnostics;
using Microsoft.Azure.Functions.Worker;

namespace GuanGong.LocalHost.Invocation;

/// <summary>
/// The worker's <see cref="FunctionContext"/> for one invocation: InstanceServices is the invocation's
/// DI scope of the app's services (so <c>GetLogger</c> works), Items holds the HttpContext under
/// "HttpRequestContext" (so <c>GetHttpContext()</c> works). The worker's binding features are absent.
/// </summary>
internal sealed class LocalFunctionContext(
    LocalFunctionDefinition definition,
    IServiceProvider services,
    IReadOnlyDictionary<string, object?> bindingData,
    CancellationToken cancellationToken) : FunctionContext
{
    public override string InvocationId { get; } = Guid.NewGuid().ToString();

    public override string FunctionId => definition.Id;

    public override TraceContext TraceContext { get; } = new LocalTraceContext(Activity.Current);

    public override BindingContext BindingContext { get; } = new LocalBindingContext(bindingData);

    public override RetryContext RetryContext { get; } = new LocalRetryContext();

    public override IServiceProvider InstanceServices { get; set; } = services;

    public override FunctionDefinition FunctionDefinition => definition;

    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();

    public override IInvocationFeatures Features { get; } = new LocalInvocationFeatures();

    public override CancellationToken CancellationToken => cancellationToken;
}
