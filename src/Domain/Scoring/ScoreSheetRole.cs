namespace GuanGong.Domain.Scoring;

/// <summary>Who filled in a score sheet.</summary>
public enum ScoreSheetRole
{
    /// <summary>The unit scoring itself (自评); notes are optional, deductions need no reason.</summary>
    SelfAssessment,

    /// <summary>A reviewing or deciding committee (审核/验收); every deducted point needs a reason.</summary>
    Review,
}
