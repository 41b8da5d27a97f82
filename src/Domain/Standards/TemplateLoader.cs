using System.Reflection;

namespace GuanGong.Domain.Standards;

/// <summary>
/// Reads templates: the ones shipped as embedded <c>Standards/*.json</c>, and admin-supplied JSON.
/// Admin JSON is an expected failure source (a result with errors); an invalid embedded template is a broken
/// build (an exception).
/// </summary>
public static class TemplateLoader
{
    private const string ResourcePrefix = "GuanGong.Domain.Standards.";

    private static readonly Lazy<IReadOnlyList<StandardTemplate>> Embedded = new(LoadEmbedded);

    /// <summary>
    /// Every template shipped with the project, validated, ordered by id then version. Superseded versions stay shipped
    /// (unchanged, as <c>{id}.json</c>) so the campaigns that pinned them keep resolving; a new version is a new file
    /// (<c>{id}.v2.json</c>).
    /// </summary>
    public static IReadOnlyList<StandardTemplate> EmbeddedTemplates => Embedded.Value;

    /// <summary>The newest version of each shipped template, ordered by id: what a new campaign chooses from.</summary>
    public static IReadOnlyList<StandardTemplate> LatestEmbeddedTemplates =>
        [.. EmbeddedTemplates.GroupBy(t => t.Id, StringComparer.Ordinal).Select(g => g.MaxBy(t => t.Version)!)];

    /// <summary>
    /// The first shipped version of the template with this id, as this method returned before later versions shipped (its
    /// callers pin it and score its items); throws <see cref="KeyNotFoundException"/> when absent. New code picks the
    /// version: <see cref="GetLatest"/> for a new campaign, <see cref="GetEmbedded(string, int)"/> for a pinned one.
    /// </summary>
    /// <param name="id">One of <see cref="StandardTemplateIds"/>.</param>
    public static StandardTemplate GetEmbedded(string id) =>
        EmbeddedTemplates.Where(t => t.Id == id).MinBy(t => t.Version) ?? throw new KeyNotFoundException($"No embedded template '{id}'.");

    /// <summary>The newest shipped version of the template with this id (what a new campaign should pin); throws <see cref="KeyNotFoundException"/> when absent.</summary>
    /// <param name="id">One of <see cref="StandardTemplateIds"/>.</param>
    public static StandardTemplate GetLatest(string id) =>
        EmbeddedTemplates.Where(t => t.Id == id).MaxBy(t => t.Version) ?? throw new KeyNotFoundException($"No embedded template '{id}'.");

    /// <summary>One shipped version of the template with this id; throws <see cref="KeyNotFoundException"/> when absent.</summary>
    /// <param name="id">One of <see cref="StandardTemplateIds"/>.</param>
    /// <param name="version">The version.</param>
    public static StandardTemplate GetEmbedded(string id, int version) =>
        EmbeddedTemplates.FirstOrDefault(t => t.Id == id && t.Version == version) ?? throw new KeyNotFoundException($"No embedded template '{id}' version {version}.");

    /// <summary>Parses and validates an admin-supplied template. JSON syntax errors carry the JSON path and line.</summary>
    /// <param name="json">The template JSON.</param>
    public static Result<StandardTemplate> Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var parsed = DomainJson.Parse<StandardTemplate>(json, "template.json_invalid");
        if (!parsed.IsSuccess)
        {
            return parsed;
        }

        var errors = TemplateValidator.Validate(parsed.Value);
        return errors.Count == 0 ? parsed : Result<StandardTemplate>.Failure(errors);
    }

    private static IReadOnlyList<StandardTemplate> LoadEmbedded()
    {
        var assembly = typeof(TemplateLoader).Assembly;
        var templates = new List<StandardTemplate>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            var result = Parse(ReadResource(assembly, name));
            if (!result.IsSuccess)
            {
                throw new InvalidOperationException($"The embedded template {name} is invalid: {string.Join("; ", result.Errors)}");
            }

            templates.Add(result.Value);
        }

        return [.. templates.OrderBy(t => t.Id, StringComparer.Ordinal).ThenBy(t => t.Version)];
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The resource {name} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
