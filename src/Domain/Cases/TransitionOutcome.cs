using System.Text.Json.Serialization;

namespace GuanGong.Domain.Cases;

/// <summary>The defined outcome of an event in a state: allowed with the next state, or refused with a reason.</summary>
/// <param name="From">The state before.</param>
/// <param name="Event">The event.</param>
/// <param name="Next">The state after; null when refused.</param>
/// <param name="RefusalReason">Why it is refused (English, for logs and the exception); null when allowed.</param>
public sealed record TransitionOutcome(CaseState From, CaseEvent Event, CaseState? Next, string? RefusalReason)
{
    /// <summary>True when the event is allowed.</summary>
    [JsonIgnore]
    public bool IsAllowed => Next is not null;
}
