namespace GuanGong.Domain.Standards;

/// <summary>
/// The templates a deployment knows (the embedded ones plus any admin-supplied ones the app loaded from storage),
/// and resolution of a campaign's <see cref="TemplatePin"/> to exactly the pinned content.
/// </summary>
public sealed class TemplateCatalog
{
    private readonly IReadOnlyList<StandardTemplate> _templates;

    /// <summary>Creates a catalog; every template must be valid (an invalid one is a programming error here).</summary>
    /// <param name="templates">The templates; (id, version) pairs must be unique.</param>
    public TemplateCatalog(IEnumerable<StandardTemplate> templates)
    {
        ArgumentNullException.ThrowIfNull(templates);
        _templates = [.. templates];
        foreach (var template in _templates)
        {
            var errors = TemplateValidator.Validate(template);
            if (errors.Count > 0)
            {
                throw new ArgumentException($"Template {template.Id} v{template.Version} is invalid: {string.Join("; ", errors)}", nameof(templates));
            }
        }

        var duplicate = _templates.GroupBy(t => (t.Id, t.Version)).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Template {duplicate.Key.Id} v{duplicate.Key.Version} appears twice.", nameof(templates));
        }
    }

    /// <summary>A catalog of the embedded templates only.</summary>
    public static TemplateCatalog Embedded() => new(TemplateLoader.EmbeddedTemplates);

    /// <summary>All templates.</summary>
    public IReadOnlyList<StandardTemplate> Templates => _templates;

    /// <summary>Finds the pinned template; fails when it is absent or its content no longer matches the pinned hash.</summary>
    /// <param name="pin">The campaign's pin.</param>
    public Result<StandardTemplate> Resolve(TemplatePin pin)
    {
        ArgumentNullException.ThrowIfNull(pin);
        var template = _templates.FirstOrDefault(t => t.Id == pin.TemplateId && t.Version == pin.Version);
        if (template is null)
        {
            return Result<StandardTemplate>.Failure(new ValidationError(
                "template",
                "template.not_found",
                $"找不到标准“{pin.TemplateId}”第 {pin.Version} 版。",
                $"Template '{pin.TemplateId}' version {pin.Version} is not known."));
        }

        return pin.Matches(template)
            ? Result<StandardTemplate>.Success(template)
            : Result<StandardTemplate>.Failure(new ValidationError(
                "template",
                "template.content_changed",
                $"标准“{pin.TemplateId}”第 {pin.Version} 版的内容已被修改，与活动锁定的版本不一致。",
                $"The content of template '{pin.TemplateId}' version {pin.Version} differs from the pinned hash."));
    }
}
