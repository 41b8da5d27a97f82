using GuanGong.Domain.Standards;

namespace GuanGong.Domain.Scoring;

/// <summary>
/// One filled-in score sheet against a pinned template: the precondition answers, a score per item and any bonus
/// claimed. Persisted as JSON. Check it with <see cref="ScoreSheetValidator"/> before storing it.
/// </summary>
/// <param name="SchemaVersion">Version of this JSON shape; <see cref="CurrentSchemaVersion"/> today.</param>
/// <param name="Role">Self-assessment or review.</param>
/// <param name="Template">The template the sheet was filled against (the campaign's pin).</param>
/// <param name="Preconditions">One answer per precondition of the template (五有).</param>
/// <param name="Items">One score per item of the template.</param>
/// <param name="Bonus">Bonus points claimed; items not listed score 0.</param>
public sealed record ScoreSheet(
    int SchemaVersion,
    ScoreSheetRole Role,
    TemplatePin Template,
    IReadOnlyList<PreconditionAnswer> Preconditions,
    IReadOnlyList<ItemScore> Items,
    IReadOnlyList<BonusScore> Bonus)
{
    /// <summary>The schema version this code writes and reads.</summary>
    public const int CurrentSchemaVersion = 1;
}
