using System.Globalization;
using System.Security.Cryptography;
using Azure;
using GuanGong.Domain;
using GuanGong.Domain.Organisations;
using GuanGong.Functions.Campaigns;
using GuanGong.Functions.Http;
using GuanGong.Functions.Organisations;
using GuanGong.Functions.Records;

namespace GuanGong.Functions.Calendars;

/// <summary>
/// Records 督查 visits (a township's quarterly, the county's half-year check) for the visiting committee, within its own
/// subtree, with their files kept in blob storage; and lists a subtree's visits of a year.
/// </summary>
public sealed class VisitRecorder(AppTables tables, AppStorage storage, CampaignStore campaigns, CommitteeDirectory directory, TimeProvider time)
{
    /// <summary>Blobs of visit files live beside the ledgers, under this prefix.</summary>
    public const string BlobPrefix = "visits/";

    public sealed record Recorded(InspectionVisit? Visit, IResult? Problem);

    public async Task<Recorded> RecordAsync(Caller? caller, string campaignId, VisitRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (caller is not (AdminCaller or CommitteeCaller))
        {
            return new(null, caller is null
                ? Problems.Unauthorized("请使用管理员密钥、关工委访问密钥或统计链接。", "The admin key, a committee API key or a dashboard link is required.")
                : Problems.Forbidden("单位链接不能登记督查。", "A unit's link cannot record visits."));
        }

        var campaign = await campaigns.FindAsync(campaignId, ct);
        if (campaign is null)
        {
            return new(null, Problems.NotFound("找不到该创建活动。", $"Campaign '{campaignId}' does not exist."));
        }

        var tree = await directory.GetTreeAsync(ct);
        var committeeCode = request.CommitteeCode ?? caller.SubtreeRoot;
        var errors = new List<ValidationError>();
        if (committeeCode is null || !tree.Contains(committeeCode) || tree.Get(committeeCode).Level is not (CommitteeLevel.County or CommitteeLevel.Township)
            || (caller is CommitteeCaller own && !CommitteeDirectory.IsWithin(tree, committeeCode, own.CommitteeCode)))
        {
            errors.Add(new("committeeCode", "visit.committee", "请填写检查的乡镇或县关工委（须在您的范围内）。", "The visiting committee must be a township or county within the caller's subtree."));
        }

        if (request.Date.Year < campaign.Settings.StartYear || request.Date.Year > campaign.Settings.EndYear)
        {
            errors.Add(new("date", "visit.date", $"检查日期应在 {campaign.Settings.StartYear} 到 {campaign.Settings.EndYear} 年之间。", "The date is outside the campaign."));
        }

        if (string.IsNullOrWhiteSpace(request.Visitors) || request.Visitors.Length > 500)
        {
            errors.Add(new("visitors", "visit.visitors", "请填写检查人员（500 字以内）。", "Visitors are required (at most 500 characters)."));
        }

        if (string.IsNullOrWhiteSpace(request.Findings) || request.Findings.Length > 5000)
        {
            errors.Add(new("findings", "visit.findings", "请填写检查发现的情况（5000 字以内）。", "Findings are required (at most 5000 characters)."));
        }

        var visited = (request.VisitedUnitCodes ?? []).Distinct(StringComparer.Ordinal).ToList();
        if (committeeCode is not null && tree.Contains(committeeCode) && visited.Any(u => !tree.Contains(u) || !CommitteeDirectory.IsWithin(tree, u, committeeCode)))
        {
            errors.Add(new("visitedUnitCodes", "visit.units", "检查的单位须在该关工委的下级范围内。", "Visited units must be within the visiting committee's subtree."));
        }

        var files = new List<(string Name, byte[] Content)>();
        foreach (var (upload, i) in (request.Attachments ?? []).Select((a, i) => (a, i)))
        {
            var content = TryDecode(upload.ContentBase64);
            if (content is null || string.IsNullOrWhiteSpace(upload.FileName) || upload.FileName.Length > 200)
            {
                errors.Add(new($"attachments[{i}]", "visit.attachment", "附件无法读取，请重新选择文件。", "The attachment is not valid base64 with a file name."));
                continue;
            }

            files.Add((upload.FileName, content));
        }

        if (files.Sum(f => (long)f.Content.Length) > VisitFunctions.MaxAttachmentBytes)
        {
            errors.Add(new("attachments", "visit.attachments_too_large", "附件合计不能超过 8 MB。", "The attachments are too large."));
        }

        if (errors.Count > 0)
        {
            return new(null, Problems.Validation(errors, "督查记录有误，请按提示修改。"));
        }

        var visitId = Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture);
        var container = storage.Blobs.GetBlobContainerClient(StorageInitializer.LedgerContainer);
        var attachments = new List<VisitAttachment>();
        foreach (var (file, i) in files.Select((f, i) => (f, i)))
        {
            var blob = $"{BlobPrefix}{campaignId}/{visitId}/{i.ToString(CultureInfo.InvariantCulture)}";
            await container.GetBlobClient(blob).UploadAsync(new BinaryData(file.Content), overwrite: true, ct);
            attachments.Add(new VisitAttachment(file.Name, file.Content.Length, Convert.ToHexStringLower(SHA256.HashData(file.Content)), blob));
        }

        var visit = new InspectionVisit(
            InspectionVisit.CurrentSchemaVersion, visitId, campaignId, request.Date.Year, committeeCode!, request.Date, request.Visitors.Trim(), visited, request.Findings.Trim(), attachments,
            caller is CommitteeCaller c ? c.CommitteeCode : "管理员", time.GetUtcNow());
        await tables.Visits.UpsertAsync(Partition(campaignId, visit.Year), visitId, visit, cancellationToken: ct);
        return new(visit, null);
    }

    /// <summary>The visits of a year made by committees within <paramref name="root"/>'s subtree, newest first.</summary>
    public async Task<IReadOnlyList<InspectionVisit>> ListAsync(string campaignId, int year, OrganisationTree tree, string root, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var all = await tables.Visits.ListPartitionAsync(Partition(campaignId, year), ct);
        return [.. all.Select(v => v.Value).Where(v => tree.Contains(v.CommitteeCode) && CommitteeDirectory.IsWithin(tree, v.CommitteeCode, root)).OrderByDescending(v => v.Date).ThenByDescending(v => v.RecordedAt)];
    }

    /// <summary>
    /// A file of a visit made by a committee within <paramref name="root"/>'s subtree, as a download (its content was not
    /// checked at upload, so it is never shown in the browser); null when the visit, the file (<paramref name="index"/>, its
    /// place from 0 as the route gives it) or its content does not exist, or the visit is outside the subtree.
    /// </summary>
    public async Task<IResult?> DownloadAttachmentAsync(
        string campaignId, int year, OrganisationTree tree, string root, string visitId, string index, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tree);
        // Visit ids are the 32 hex digits they were given (anything else is no visit, and never a table key sent).
        if (visitId is not { Length: 32 } || !visitId.All(char.IsAsciiHexDigitLower)
            || !int.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out var place))
        {
            return null;
        }

        var stored = await tables.Visits.GetAsync(Partition(campaignId, year), visitId, ct);
        if (stored?.Value is not { } visit || place >= visit.Attachments.Count
            || !tree.Contains(visit.CommitteeCode) || !CommitteeDirectory.IsWithin(tree, visit.CommitteeCode, root))
        {
            return null;
        }

        var attachment = visit.Attachments[place];
        try
        {
            var content = await storage.Blobs.GetBlobContainerClient(StorageInitializer.LedgerContainer).GetBlobClient(attachment.BlobName).DownloadStreamingAsync(cancellationToken: ct);
            return new StoredFileResult(attachment.FileName, StoredFileResult.Unchecked, attachment.Bytes, inline: false, content.Value);
        }
        catch (RequestFailedException ex) when (ex.Status == StatusCodes.Status404NotFound)
        {
            return null;
        }
    }

    private static string Partition(string campaignId, int year) => $"{campaignId}-{year.ToString(CultureInfo.InvariantCulture)}";

    private static byte[]? TryDecode(string? base64)
    {
        if (base64 is null)
        {
            return null;
        }

        try
        {
            return Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
