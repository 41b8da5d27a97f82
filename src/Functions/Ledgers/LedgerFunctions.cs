using System.Globalization;
using GuanGong.Domain.Standards;
using GuanGong.Functions.Campaigns;
using GuanGong.Functions.Cases;
using GuanGong.Functions.Http;
using GuanGong.Functions.Standards;
using GuanGong.Functions.OpenApi;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Azure.Functions.Worker;

namespace GuanGong.Functions.Ledgers;

/// <summary>
/// <c>PUT /api/cases/{caseId}/items/{itemId}/ledgers</c> (upload), <c>GET /api/cases/{caseId}/ledgers</c>
/// (list, with short-lived download links) and <c>GET /api/ledgers/content?d=…</c> (download).
/// </summary>
public sealed class LedgerFunctions(
    HttpGate gate, Access access, CaseStore cases, CampaignStore campaigns, TemplateResolver templates, LedgerStore ledgers, LedgerLinks links, CaseReaders readers, IConfiguration configuration, Audit.AuditLog audit, Organisations.CommitteeDirectory directory)
{
    public const string MaxBytesSetting = "GuanGong:Ledgers:MaxBytes";
    public const long DefaultMaxBytes = 20 * 1024 * 1024;

    /// <summary>
    /// The upload's file name, percent-encoded UTF-8 (<c>encodeURIComponent</c>). A header, not the
    /// query: URLs end up in proxies' and the platform's access logs, and a register's file name can
    /// name a minor. <c>?fileName=</c> is still read when the header is absent (older clients).
    /// </summary>
    public const string FileNameHeader = "X-File-Name";

    [Function("UploadLedger")]
    [ApiOperation("Upload one ledger file (raw body, streamed) for an item of a case", Tag = "Ledgers",
        Description = "Name the file in the X-File-Name header, percent-encoded UTF-8 (encodeURIComponent); the fileName query parameter is the older way and is read only when the header is absent. Any Content-Type is accepted: the bytes decide.",
        RequestBody = typeof(Stream), RequestContentType = "application/octet-stream", Response = typeof(LedgerView), ResponseStatus = 201,
        Problems = [400, 401, 403, 404, 409, 411, 413, 415], Query = ["fileName:the file's name, when the X-File-Name header is absent"], Security = ["link", "adminKey"])]
    public Task<IResult> Upload(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/cases/{caseId}/items/{itemId}/ledgers")] HttpRequest request,
        string caseId,
        string itemId,
        CancellationToken ct) =>
        gate.RunAsync(request, () => UploadAsync(caseId, itemId, request.Query["fileName"].FirstOrDefault(), request.HttpContext, access, cases, campaigns, templates, ledgers, configuration, audit, directory, ct));

    [Function("ListLedgers")]
    [ApiOperation("A case's ledgers, each with a download link valid for 15 minutes", Tag = "Ledgers", Response = typeof(LedgerList), Problems = [401, 403, 404], Security = ["link", "apiKey", "adminKey"])]
    public Task<IResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/cases/{caseId}/ledgers")] HttpRequest request,
        string caseId,
        CancellationToken ct) =>
        gate.RunAsync(request, () => ListAsync(caseId, request.HttpContext, cases, readers, ledgers, links, ct));

    [Function("DownloadLedger")]
    [ApiOperation("The bytes of one ledger, by a download link from the list", Tag = "Ledgers", Response = typeof(Stream), ResponseContentType = LedgerFileKind.ContentTypes,
        Problems = [403, 404], Query = ["d:the signed download reference from the list"])]
    public Task<IResult> Download(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/ledgers/content")] HttpRequest request,
        CancellationToken ct) =>
        gate.RunAsync(request, () => DownloadAsync(request.Query["d"].FirstOrDefault(), links, ledgers, ct));

    private static string? NamedFile(HttpRequest request, string? fromQuery)
    {
        if (request.Headers[FileNameHeader] is not [{ Length: > 0 } encoded])
        {
            return fromQuery;
        }

        try
        {
            return Uri.UnescapeDataString(encoded);
        }
        catch (UriFormatException)
        {
            return encoded; // not percent-encoded: take it as it came; Sanitise decides what is usable
        }
    }

    public const string MaxPerCaseSetting = "GuanGong:Ledgers:MaxPerCase";
    public const int DefaultMaxPerCase = 200;
    public const string MaxCaseBytesSetting = "GuanGong:Ledgers:MaxCaseBytes";
    public const long DefaultMaxCaseBytes = 500L * 1024 * 1024;

    public static int MaxPerCase(IConfiguration configuration) =>
        configuration.GetValue<int?>(MaxPerCaseSetting) is > 0 and var configured ? configured : DefaultMaxPerCase;

    public static long MaxCaseBytes(IConfiguration configuration) =>
        configuration.GetValue<long?>(MaxCaseBytesSetting) is > 0 and var configured ? configured : DefaultMaxCaseBytes;

    public static long MaxBytes(IConfiguration configuration) =>
        configuration.GetValue<long?>(MaxBytesSetting) is > 0 and var configured ? configured : DefaultMaxBytes;

    private static async Task<IResult> UploadAsync(
        string caseId, string itemId, string? fileName, HttpContext context,
        Access access, CaseStore cases, CampaignStore campaigns, TemplateResolver templates, LedgerStore ledgers, IConfiguration configuration, Audit.AuditLog audit, Organisations.CommitteeDirectory directory, CancellationToken cancellationToken)
    {
        var uploader = CaseReaders.Uploader(await access.ResolveAsync(context, cancellationToken), caseId);
        if (uploader is null)
        {
            return CaseReaders.HasCredential(context)
                ? Problems.Forbidden("只有本单位（或管理员）可以为本申报上传台账。", "Only the case's own unit or an administrator may upload ledgers to it.")
                : Problems.Unauthorized("请使用本单位的创建链接上传台账。", "A unit link or admin key is required.");
        }

        var stored = await cases.GetAsync(caseId, cancellationToken);
        if (stored?.Value.State.IsDecided == true)
        {
            return Problems.Conflict("case-decided", "该申报已办结，不能再上传台账。", $"Case '{caseId}' is decided ({stored.Value.State.Status}); ledgers can no longer be added.");
        }

        // Evidence is frozen at submission: the reviewers judge what the unit submitted, not what came
        // after. A case returned for rectification opens it again until it is resubmitted. The admin key
        // (an operator adding, say, a paper file the county scanned) is not held back; its uploads are audited.
        if (uploader != "admin" && stored is not null && stored.Value.State.Status is not (Domain.Cases.CaseStatus.Draft or Domain.Cases.CaseStatus.ReturnedForRectification))
        {
            return Problems.Conflict(
                "evidence-frozen",
                "申报已提交，佐证材料已随申报封存，不能再上传。如申报被退回整改，可在整改期间补充上传。",
                $"Case '{caseId}' is {stored.Value.State.Status}; its evidence is frozen at submission until the case is returned for rectification.");
        }

        // Before its first submission a unit's case does not exist yet, but its number does (it is
        // derived): the unit may collect evidence under it, against the template of the campaign the
        // number names. Only the unit's own link gets here for a case that does not exist.
        var pin = stored?.Value.Submission.SelfSheet.Template ?? await PinOfUnsubmittedAsync(caseId, campaigns, directory, cancellationToken);
        if (pin is null)
        {
            return Problems.NotFound("找不到该申报。", $"Case '{caseId}' does not exist.");
        }

        var template = await templates.ResolveAsync(pin, cancellationToken);
        if (!template.IsSuccess)
        {
            return Problems.Conflict("template-unavailable", "该申报使用的评分标准无法读取，请联系管理员。", "The case's pinned template cannot be resolved: " + string.Join("; ", template.Errors));
        }

        if (!HasItem(template.Value, itemId))
        {
            return Problems.NotFound("评分标准中没有这个评分项。", $"Item '{itemId}' is not in template '{template.Value.Id}' v{template.Value.Version}.");
        }

        var name = LedgerFileName.Sanitise(NamedFile(context.Request, fileName));
        if (name.Length == 0)
        {
            return Problems.Validation([new("fileName", "ledger.file_name_required", "请提供文件名（X-File-Name 请求头）。", $"The {FileNameHeader} header (percent-encoded UTF-8) is required and must contain a usable name.")]);
        }

        var maxBytes = MaxBytes(configuration);
        var length = context.Request.ContentLength;
        if (length is null)
        {
            return Problems.Problem(StatusCodes.Status411LengthRequired, "length-required", "上传时必须说明文件大小（Content-Length）。", "Content-Length is required; chunked uploads are not accepted.");
        }

        if (length == 0)
        {
            return Problems.BadRequest("empty-file", "上传的文件是空的。", "The uploaded file is empty.");
        }

        if (length > maxBytes)
        {
            return Problems.TooLarge(
                string.Create(CultureInfo.InvariantCulture, $"文件太大：台账文件不能超过 {maxBytes / (1024.0 * 1024.0):0.#} MB。"),
                string.Create(CultureInfo.InvariantCulture, $"The file is {length} bytes; the limit is {maxBytes} bytes."));
        }

        // A case's evidence is bounded too: its list is one partition read by every reviewer page.
        var existing = await ledgers.ListAsync(caseId, cancellationToken);
        var maxCount = MaxPerCase(configuration);
        if (existing.Count >= maxCount)
        {
            return Problems.Conflict(
                "too-many-ledgers",
                string.Create(CultureInfo.InvariantCulture, $"本申报的台账文件已达上限（{maxCount} 个），不能再上传。请把同类材料合并成一个文件。"),
                string.Create(CultureInfo.InvariantCulture, $"Case '{caseId}' holds {existing.Count} ledgers; the limit is {maxCount}."));
        }

        var maxTotal = MaxCaseBytes(configuration);
        var total = existing.Sum(l => l.Length);
        if (total + length > maxTotal)
        {
            return Problems.TooLarge(
                string.Create(CultureInfo.InvariantCulture, $"本申报的台账总大小不能超过 {maxTotal / (1024.0 * 1024.0):0.#} MB，已上传 {total / (1024.0 * 1024.0):0.#} MB。请压缩图片或删减后再上传。"),
                string.Create(CultureInfo.InvariantCulture, $"Case '{caseId}' holds {total} bytes of ledgers; {length} more would pass the limit of {maxTotal}."));
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes;
        }

        var ledger = await ledgers.UploadAsync(caseId, itemId, name, context.Request.Body, uploader, cancellationToken);
        if (ledger is null)
        {
            return Problems.UnsupportedMediaType(
                "不支持这种文件：台账只接受 " + string.Join("、", LedgerFileKind.All.Select(k => k.Name)) + "。",
                "The content is not an accepted ledger type (PDF, JPEG, PNG, DOCX, XLSX, DOC/XLS); the type is judged by the bytes, not the name.");
        }

        // The audit names the file by its hash and size, not its contents: registers hold minors' data.
        // The append-only trail never holds the file's name (it can name a child): the ledger row has it, and can be corrected.
        await audit.AppendAsync(caseId, uploader, "上传台账", $"{itemId}：台账文件（{ledger.Length} 字节，SHA-256 {ledger.Sha256}）", Audit.RequestOrigin.From(context), cancellationToken);
        return TypedResults.Created($"/api/cases/{Uri.EscapeDataString(caseId)}/ledgers/{ledger.LedgerId}", LedgerView.From(ledger));
    }

    private static async Task<IResult> ListAsync(string caseId, HttpContext context, CaseStore cases, CaseReaders readers, LedgerStore ledgers, LedgerLinks links, CancellationToken cancellationToken)
    {
        if (!CaseReaders.HasCredential(context))
        {
            return Problems.Unauthorized("请使用本单位链接、审核任务链接或访问密钥查看台账。", "A unit link, a reviewer task link, an API key or the admin key is required.");
        }

        var stored = await cases.GetAsync(caseId, cancellationToken);
        if (stored is null)
        {
            return Problems.NotFound("找不到该申报。", $"Case '{caseId}' does not exist.");
        }

        var reader = await readers.ReaderAsync(context, stored.Value, cancellationToken);
        if (reader is null)
        {
            return Problems.Forbidden("您无权查看该申报的台账。", "The credential does not grant access to this case's ledgers (not its unit, not in the committee's subtree, or the task link is for another case or has expired).");
        }

        var list = await ledgers.ListAsync(caseId, cancellationToken);
        return TypedResults.Ok(new LedgerList(caseId, [.. list.Select(l =>
        {
            var (url, expiresAt) = links.Issue(caseId, l.LedgerId, reader);
            return LedgerView.From(l) with { DownloadUrl = url, DownloadExpiresAt = expiresAt };
        })]));
    }

    private static async Task<IResult> DownloadAsync(string? d, LedgerLinks links, LedgerStore ledgers, CancellationToken cancellationToken)
    {
        if (links.Verify(d) is not { } target)
        {
            return Problems.Forbidden("下载链接无效或已过期，请重新打开台账列表。", "The download link is invalid, tampered with or expired; list the ledgers again for a fresh one.");
        }

        var ledger = await ledgers.GetAsync(target.CaseId, target.LedgerId, cancellationToken);
        var content = ledger is null ? null : await ledgers.OpenReadAsync(ledger, cancellationToken);
        return ledger is null || content is null
            ? Problems.NotFound("该台账文件已不存在。", "The ledger no longer exists.")
            : new StoredFileResult(ledger.FileName, ledger.ContentType, ledger.Length, LedgerFileKind.All.FirstOrDefault(k => k.ContentType == ledger.ContentType)?.ShowInline == true, content);
    }

    private static bool HasItem(StandardTemplate template, string itemId) =>
        template.AllItems.Any(i => i.Id == itemId) || (template.Bonus?.Items.Any(i => i.Id == itemId) ?? false);

    // The unit's kind's sheet when the campaign gives one (分类指导), else the campaign's.
    private static async Task<Domain.Standards.TemplatePin?> PinOfUnsubmittedAsync(string caseId, CampaignStore campaigns, Organisations.CommitteeDirectory directory, CancellationToken cancellationToken)
    {
        if (await campaigns.FindByCaseIdAsync(caseId, cancellationToken) is not { LaunchedAt: not null } campaign)
        {
            return null;
        }

        return CaseIds.Parse(caseId) is { } parts && (await directory.GetTreeAsync(cancellationToken)).Find(parts.UnitCode) is { } unit
            ? campaign.Settings.TemplateFor(unit.Kind)
            : campaign.Settings.Template;
    }
}
