using System.Diagnostics;
using Microsoft.Azure.Functions.Worker;

namespace GuanGong.LocalHost.Invocation;

/// <summary>The W3C trace context of the current activity, if any.</summary>
internal sealed class LocalTraceContext(Activity? activity) : TraceContext
{
    public override string TraceParent { get; } = activity?.Id ?? "";

    public override string TraceState { get; } = activity?.TraceStateString ?? "";
}
