using System.Diagnostics;

namespace GuanGong.Durable;

/// <summary>The engine's OpenTelemetry-compatible activity source: one activity per episode and per activity call.</summary>
public static class DurableTelemetry
{
    /// <summary>The source name to subscribe to (<c>AddSource("GuanGong.Durable")</c>).</summary>
    public const string SourceName = "GuanGong.Durable";

    /// <summary>The activity source.</summary>
    public static ActivitySource Source { get; } = new(SourceName, "1.0.0");
}
