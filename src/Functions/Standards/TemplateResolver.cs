using System.Globalization;
using GuanGong.Domain;
using GuanGong.Domain.Standards;
using GuanGong.Functions.Records;

namespace GuanGong.Functions.Standards;

/// <summary>
/// Turns a campaign's or a sheet's <see cref="TemplatePin"/> into the template it names: the embedded
/// catalog first (the standards shipped with the app), then templates an administrator loaded into
/// <c>ggTemplates</c> (partition = template id, row = version zero-padded to four digits). Either way
/// the pin's content hash must match, so a template edited after a campaign pinned it is refused.
/// </summary>
public sealed class TemplateResolver(AppTables tables)
{
    private static readonly Lazy<TemplateCatalog> Embedded = new(TemplateCatalog.Embedded);

    public async Task<Result<StandardTemplate>> ResolveAsync(TemplatePin pin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pin);
        var embedded = Embedded.Value.Resolve(pin);
        if (embedded.IsSuccess || Embedded.Value.Templates.Any(t => t.Id == pin.TemplateId && t.Version == pin.Version))
        {
            return embedded;
        }

        var stored = await tables.Templates.GetAsync(pin.TemplateId, RowKey(pin.Version), cancellationToken);
        return stored is null ? embedded : new TemplateCatalog([stored.Value]).Resolve(pin);
    }

    /// <summary>The template a pin names, or null when it cannot be resolved.</summary>
    public async Task<StandardTemplate?> FindAsync(TemplatePin pin, CancellationToken cancellationToken) =>
        await ResolveAsync(pin, cancellationToken) is { IsSuccess: true } resolved ? resolved.Value : null;

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
    public Task<bool> TryAddAsync(StandardTemplate template, CancellationToken cancellationToken) =>
        Embedded.Value.Templates.Any(t => t.Id == template.Id && t.Version == template.Version)
            ? Task.FromResult(false)
            : tables.Templates.TryAddAsync(template.Id, RowKey(template.Version), template, cancellationToken: cancellationToken);

    /// <summary>The row key a template version is stored under: "0001" for version 1, so rows sort by version.</summary>
    public static string RowKey(int version) => version.ToString("D4", CultureInfo.InvariantCulture);
}
