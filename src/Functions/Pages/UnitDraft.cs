namespace GuanGong.Functions.Pages;

/// <summary>A unit's unfinished self-assessment: the form's fields as typed, and when they were saved. Versioned contract.</summary>
public sealed record UnitDraft(int SchemaVersion, string CaseId, IReadOnlyDictionary<string, string> Fields, string SavedBy, DateTimeOffset SavedAt)
{
    public const int CurrentSchemaVersion = 1;
}
