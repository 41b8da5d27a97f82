namespace GuanGong.Durable;

/// <summary>
/// The orchestrator's code and its recorded history disagree: replay asked for a different call
/// than the one history holds at the same position.
/// </summary>
public sealed class NonDeterministicOrchestrationException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What the code asked for and what history holds.</param>
    public NonDeterministicOrchestrationException(string message)
        : base(message)
    {
    }
}
