namespace GuanGong.Domain.Deadlines;

/// <summary>Who holds a review stage at a given instant.</summary>
public enum EscalationHolder
{
    /// <summary>The committee's reviewers (first rung).</summary>
    Reviewers,

    /// <summary>The committee's fallback reviewer (second rung).</summary>
    FallbackReviewer,

    /// <summary>The next level up (last rung; the case is marked escalated).</summary>
    NextLevel,
}
