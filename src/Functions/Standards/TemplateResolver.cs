using System.Globalization;
using GuanGong.Domain.Standards;
using GuanGong.Functions.Records;

namespace GuanGong.Functions.Standards;

/// <summary>
/// Finds the template a pin names: the templates shipped with the domain first, then those an
/// administrator loaded (table ggTemplates, partition = template id, row = zero-padded version).
/// A pin whose content hash does not match is not resolved: an edited template is a new version.
/// </summary>
public sealed class TemplateResolver(AppTables tables)
{
    private static readonly TemplateCatalog Embedded = TemplateCatalog.Embedded();

    public async Task<StandardTemplate?> ResolveAsync(TemplatePin pin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pin);
        var embedded = Embedded.Resolve(pin);
        if (embedded.IsSuccess)
        {
            return embedded.Value;
        }

        var stored = await tables.Templates.GetAsync(pin.TemplateId, RowKey(pin.Version), cancellationToken);
        return stored is not null && pin.Matches(stored.Value) ? stored.Value : null;
    }

    public async Task<IReadOnlyList<StandardTemplate>> ListAsync(CancellationToken cancellationToken)
    {
        var all = new List<StandardTemplate>(Embedded.Templates);
        await foreach (var stored in tables.Templates.QueryAsync(null, cancellationToken))
        {
            all.Add(stored.Value);
        }

        return all;
    }

    /// <summary>Stores an administrator's template; false when that id and version already exist.</summary>
    public Task<bool> TryAddAsync(StandardTemplate template, CancellationToken cancellationToken) =>
        Embedded.Templates.Any(t => t.Id == template.Id && t.Version == template.Version)
            ? Task.FromResult(false)
            : tables.Templates.TryAddAsync(template.Id, RowKey(template.Version), template, cancellationToken: cancellationToken);

    private static string RowKey(int version) => version.ToString("D4", CultureInfo.InvariantCulture);
}
