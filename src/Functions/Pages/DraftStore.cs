using System.Text.Json;
using GuanGong.Domain;
using GuanGong.Functions.Records;
using Azure;
using Azure.Storage.Blobs;

namespace GuanGong.Functions.Pages;

/// <summary>
/// Drafts of self-assessments, one JSON blob per case in the <c>drafts</c> container. The blob name
/// starts with the app's storage prefix (<c>GuanGong:Storage:TablePrefix</c>) because case numbers
/// are deterministic: two apps sharing one account (tests, a staging slot) must not read each other's drafts.
/// </summary>
public sealed class DraftStore(AppStorage storage, IConfiguration configuration, TimeProvider time)
{
    public const string Container = "drafts";

    private readonly string _prefix = configuration["GuanGong:Storage:TablePrefix"] is { Length: > 0 } prefix ? prefix : "gg";
    private int _containerReady;

    public async Task<UnitDraft?> FindAsync(string caseId, CancellationToken cancellationToken)
    {
        try
        {
            var content = (await Blob(caseId).DownloadContentAsync(cancellationToken)).Value.Content;
            return JsonSerializer.Deserialize<UnitDraft>(content.ToString(), DomainJson.Options);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async Task<UnitDraft> SaveAsync(string caseId, IReadOnlyDictionary<string, string> fields, string savedBy, CancellationToken cancellationToken)
    {
        if (Interlocked.CompareExchange(ref _containerReady, 1, 0) == 0)
        {
            await storage.Blobs.GetBlobContainerClient(Container).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }

        var draft = new UnitDraft(UnitDraft.CurrentSchemaVersion, caseId, fields, savedBy, time.GetUtcNow());
        await Blob(caseId).UploadAsync(BinaryData.FromString(JsonSerializer.Serialize(draft, DomainJson.Options)), overwrite: true, cancellationToken);
        return draft;
    }

    public async Task DeleteAsync(string caseId, CancellationToken cancellationToken)
    {
        try
        {
            await Blob(caseId).DeleteIfExistsAsync(cancellationToken: cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // The container was never created: there is no draft to delete.
        }
    }

    private BlobClient Blob(string caseId) => storage.Blobs.GetBlobContainerClient(Container).GetBlobClient($"{_prefix}/{caseId}.json");
}
