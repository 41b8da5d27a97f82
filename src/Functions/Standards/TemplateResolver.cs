using System.Globalization;
using GuanGong.Domain;
using GuanGong.Domain.Standards;
using GuanGong.Functions.Records;
using GuanGong.Functions.ReferenceData;

namespace GuanGong.Functions.Standards;

/// <summary>
/// Turns a campaign's or a sheet's <see cref="TemplatePin"/> into the template it names: the embedded
/// catalog first (the standards shipped with the app), then templates an administrator loaded into
/// <c>ggTemplates</c> (partition = template id, row = version zero-padded to four digits). Either way
/// the pin's content hash must match, so a template edited after a campaign pinned it is refused.
/// Stored templates are read on every submission and decision, so a read is kept in memory for at most
/// <c>GuanGong:ReferenceData:MaxAge</c> (default 30 s); one loaded through this host is seen at once.
/// </summary>
public sealed class TemplateResolver(AppTables tables, TimeProvider time, IConfiguration configuration)
{
    private static readonly Lazy<TemplateCatalog> Embedded = new(TemplateCatalog.Embedded);

    private readonly ReferenceCache<(string TemplateId, int Version), StandardTemplate?> _stored = new(time, ReferenceDataSettings.MaxAge(configuration));

    public async Task<Result<StandardTemplate>> ResolveAsync(TemplatePin pin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pin);
        var embedded = Embedded.Value.Resolve(pin);
        if (embedded.IsSuccess || Embedded.Value.Templates.Any(t => t.Id == pin.TemplateId && t.Version == pin.Version))
        {
            return embedded;
        }

        var stored = await _stored.GetAsync(
            (pin.TemplateId, pin.Version),
            async ct => (await tables.Templates.GetAsync(pin.TemplateId, RowKey(pin.Version), ct))?.Value,
            cancellationToken);
        return stored is null ? embedded : new TemplateCatalog([stored]).Resolve(pin);
    }

    /// <summary>The template a pin names, or null when it cannot be resolved.</summary>
    public async Task<StandardTemplate?> FindAsync(TemplatePin pin, CancellationToken cancellationToken) =>
        await ResolveAsync(pin, cancellationToken) is { IsSuccess: true } resolved ? resolved.Value : null;

    /// <summary>The template of this id and version (embedded first, then loaded), or null when there is none.</summary>
    public async Task<StandardTemplate?> FindVersionAsync(string templateId, int version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(templateId);
        if (Embedded.Value.Templates.FirstOrDefault(t => t.Id == templateId && t.Version == version) is { } embedded)
        {
            return embedded;
        }

        return await _stored.GetAsync(
            (templateId, version),
            async ct => (await tables.Templates.GetAsync(templateId, RowKey(version), ct))?.Value,
            cancellationToken);
    }

    /// <summary>Every template available to campaigns: the embedded ones and those loaded by administrators.</summary>
    public async Task<IReadOnlyList<StandardTemplate>> ListAsync(CancellationToken cancellationToken)
    {
        var all = new List<StandardTemplate>(Embedded.Value.Templates);
        await foreach (var stored in tables.Templates.QueryAsync(null, cancellationToken))
        {
            all.Add(stored.Value);
        }

        return all;
    }

    /// <summary>Stores an administrator's template; false when that id and version already exist.</summary>
    public async Task<bool> TryAddAsync(StandardTemplate template, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(template);
        if (Embedded.Value.Templates.Any(t => t.Id == template.Id && t.Version == template.Version))
        {
            return false;
        }

        try
        {
            return await tables.Templates.TryAddAsync(template.Id, RowKey(template.Version), template, cancellationToken: cancellationToken);
        }
        finally
        {
            _stored.Invalidate((template.Id, template.Version));
        }
    }

    /// <summary>The row key a template version is stored under: "0001" for version 1, so rows sort by version.</summary>
    public static string RowKey(int version) => version.ToString("D4", CultureInfo.InvariantCulture);
}
