namespace GuanGong.Domain.Standards;

/// <summary>
/// What a campaign stores about its standard: the template id, its version and the SHA-256 of its content
/// (<see cref="StandardTemplate.ComputeContentHash"/>). Persisted as part of the campaign settings.
/// </summary>
/// <param name="TemplateId">The template id.</param>
/// <param name="Version">The template version.</param>
/// <param name="ContentHash">Lowercase hex SHA-256 of the template's canonical JSON.</param>
public sealed record TemplatePin(string TemplateId, int Version, string ContentHash)
{
    /// <summary>True when <paramref name="template"/> is exactly the pinned one (id, version and content).</summary>
    /// <param name="template">The candidate template.</param>
    public bool Matches(StandardTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return template.Id == TemplateId
            && template.Version == Version
            && string.Equals(template.ComputeContentHash(), ContentHash, StringComparison.OrdinalIgnoreCase);
    }
}
