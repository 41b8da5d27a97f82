namespace GuanGong.Domain.Organisations;

/// <summary>What a committee does at one stage of an acceptance chain.</summary>
public enum ChainRole
{
    /// <summary>The subject assesses itself and submits (自评).</summary>
    SelfAssessment,

    /// <summary>A committee above reviews and scores (审核/考核).</summary>
    Review,

    /// <summary>The last committee gives the acceptance verdict (验收).</summary>
    Verdict,
}
