using GuanGong.Domain.Cases;
using GuanGong.Domain.Links;
using GuanGong.Domain.Scoring;
using GuanGong.Functions.Audit;
using GuanGong.Functions.Cases;
using GuanGong.Functions.Organisations;
using GuanGong.Functions.Standards;
using GuanGong.Functions.Cases.Workflow;
using GuanGong.Functions.Http;
using GuanGong.Functions.Submissions;
using GuanGong.Functions.Pages.Components;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace GuanGong.Functions.Pages;

/// <summary>
/// The unit's pages behind its emailed campaign link: <c>GET /u/{token}</c> (the rubric to fill, or
/// the status of what was submitted), <c>POST /u/{token}/draft</c> (save a draft on the server),
/// <c>POST /u/{token}</c> (submit or resubmit) and <c>GET /u/{token}/receipt</c>. GETs change nothing
/// (mail scanners fetch links); POSTs need the form nonce of a page rendered moments ago.
/// </summary>
public sealed class UnitPages(
    HttpGate gate, UnitLinks units, TemplateResolver templates, CaseStore cases, DraftStore drafts, EvidenceView evidence, CommitteeDirectory directory, AuditLog audit,
    SubmissionService submissions, FormNonces nonces, ReferenceData.HolidayCalendarCache calendars)
{
    [Function("UnitPage")]
    public Task<IResult> Show(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "u/{token}")] HttpRequest request,
        string token,
        CancellationToken ct) =>
        gate.RunAsync(request, () => ShowAsync(LinkCookies.TokenFor(request, token), request.Query["saved"].FirstOrDefault() == "true", units, templates, cases, drafts, evidence, directory, audit, nonces, calendars, ct));

    [Function("UnitSaveDraft")]
    public Task<IResult> SaveDraft(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "u/{token}/draft")] HttpRequest request,
        string token,
        CancellationToken ct) =>
        gate.RunAsync(request, () => SaveDraftAsync(LinkCookies.TokenFor(request, token), request.HttpContext, units, templates, cases, drafts, directory, nonces, ct));

    [Function("UnitSubmit")]
    public Task<IResult> Submit(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "u/{token}")] HttpRequest request,
        string token,
        [DurableClient] DurableTaskClient engine,
        CancellationToken ct) =>
        gate.RunAsync(request, () => SubmitAsync(LinkCookies.TokenFor(request, token), request.HttpContext, new CaseWorkflowClient(engine), units, templates, cases, drafts, evidence, directory, submissions, nonces, ct));

    [Function("UnitReceipt")]
    public Task<IResult> Receipt(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "u/{token}/receipt")] HttpRequest request,
        string token,
        CancellationToken ct) =>
        gate.RunAsync(request, () => ReceiptAsync(LinkCookies.TokenFor(request, token), units, templates, cases, directory, ct));

    [Function("UnitReport")]
    public Task<IResult> Report(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "u/{token}/report")] HttpRequest request,
        string token,
        CancellationToken ct) =>
        gate.RunAsync(request, () => ReportAsync(LinkCookies.TokenFor(request, token), docx: false, units, templates, cases, directory, ct));

    [Function("UnitReportDocument")]
    public Task<IResult> ReportDocument(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "u/{token}/report.docx")] HttpRequest request,
        string token,
        CancellationToken ct) =>
        gate.RunAsync(request, () => ReportAsync(LinkCookies.TokenFor(request, token), docx: true, units, templates, cases, directory, ct));

    private static async Task<IResult> ShowAsync(
        string token, bool saved, UnitLinks units, TemplateResolver templates, CaseStore cases, DraftStore drafts, EvidenceView evidence,
        CommitteeDirectory directory, AuditLog audit, FormNonces nonces, ReferenceData.HolidayCalendarCache calendars, CancellationToken ct)
    {
        var (link, refusal) = await units.OpenAsync(token, ct);
        if (link is null)
        {
            return Refused(refusal);
        }

        var tree = await directory.GetTreeAsync(ct);
        var template = await templates.FindAsync(PinFor(link, tree), ct);
        if (template is null)
        {
            return PageLayout.Message("暂时无法填报", "本次活动使用的评分标准暂时无法读取，请联系上级关工委。", StatusCodes.Status503ServiceUnavailable);
        }

        var standardName = link.Campaign.Settings.StandardNameFor(template);
        var unitName = tree.Find(link.UnitCode)?.Name ?? "本单位";
        var @case = (await cases.GetAsync(link.CaseId, ct))?.Value;
        // Evidence can be uploaded before the first submission: ledgers are keyed by the (derived) case number.
        var files = await evidence.ListAsync(link.CaseId, link.Email, ct);
        if (@case is null || @case.State.Status == CaseStatus.ReturnedForRectification)
        {
            var draft = await drafts.FindAsync(link.CaseId, ct);
            var values = draft?.Fields ?? (@case is null ? new Dictionary<string, string>() : UnitForm.ValuesOf(@case.Submission));
            return RazorPage.Of<UnitFormBody>("自评填报", new UnitFormBody.Data(
                link, unitName, template, @case, UnitForm.FromValues(values), nonces.Issue(link.Nonce, link.Email), files, draft?.SavedAt, saved,
                @case?.RectificationDueAt is { } due && Calendars.ProvisionalDates.Of(await calendars.GetAsync(ct), due)), scripts: ["/assets/unit.js"], standardName: standardName);
        }

        var history = (await audit.ReadAsync(link.CaseId, ct)).Select(e => HistoryLabels.Describe(e, code => tree.Find(code)?.Name, template)).ToList();
        return RazorPage.Of<UnitStatusBody>("自评进度", new UnitStatusBody.Data(link, unitName, template, @case, history, code => tree.Find(code)?.Name ?? "上级关工委", files!), scripts: ["/assets/unit.js"], standardName: standardName);
    }

    private static async Task<IResult> SaveDraftAsync(
        string token, HttpContext http, UnitLinks units, TemplateResolver templates, CaseStore cases, DraftStore drafts, CommitteeDirectory directory, FormNonces nonces, CancellationToken ct)
    {
        var (link, refusal, form, problem) = await OpenPostAsync(token, http, units, nonces, ct);
        if (link is null)
        {
            return problem ?? Refused(refusal);
        }

        if ((await cases.GetAsync(link.CaseId, ct))?.Value is { } @case && @case.State.Status != CaseStatus.ReturnedForRectification)
        {
            return Results.Redirect($"/u/{link.Token}", permanent: false, preserveMethod: false);
        }

        var template = await templates.FindAsync(PinFor(link, await directory.GetTreeAsync(ct)), ct);
        if (template is null)
        {
            return PageLayout.Message("暂时无法保存", "本次活动使用的评分标准暂时无法读取，请联系上级关工委。", StatusCodes.Status503ServiceUnavailable);
        }

        if (UnitForm.CheckPosted(form!, template) is { } refused)
        {
            return PageLayout.Message("无法保存草稿", refused, StatusCodes.Status400BadRequest);
        }

        var fields = form!.Where(f => f.Key is not "formNonce").ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
        await drafts.SaveAsync(link.CaseId, fields, link.Email, ct);
        return SeeOther($"/u/{link.Token}?saved=true");
    }

    private static async Task<IResult> SubmitAsync(
        string token, HttpContext http, CaseWorkflowClient workflow, UnitLinks units, TemplateResolver templates, CaseStore cases, DraftStore drafts, EvidenceView evidence,
        CommitteeDirectory directory, SubmissionService submissions, FormNonces nonces, CancellationToken ct)
    {
        var (link, refusal, posted, problem) = await OpenPostAsync(token, http, units, nonces, ct);
        if (link is null)
        {
            return problem ?? Refused(refusal);
        }

        var tree = await directory.GetTreeAsync(ct);
        var pin = PinFor(link, tree);
        var template = await templates.FindAsync(pin, ct);
        if (template is null)
        {
            return PageLayout.Message("暂时无法填报", "本次活动使用的评分标准暂时无法读取，请联系上级关工委。", StatusCodes.Status503ServiceUnavailable);
        }

        if (UnitForm.CheckPosted(posted!, template) is { } refused)
        {
            return PageLayout.Message("无法提交", refused.Replace("无法保存", "无法提交", StringComparison.Ordinal).Replace("再保存", "再提交", StringComparison.Ordinal), StatusCodes.Status400BadRequest);
        }

        var form = UnitForm.Read(posted!, template, pin);
        if (form.HasErrors)
        {
            // The blanks are reported per field already; the domain still checks what was filled (ranges, decimals).
            form.AddDomainErrors(ScoreSheetValidator.Validate(form.Sheet!, template).Where(e => e.Code is not ("sheet.item_missing" or "sheet.precondition_missing")));
            form.AddDomainErrors(ReportBlanks(form.Report));
        }
        else
        {
            var outcome = await submissions.SubmitAsync(workflow, link.Campaign.Settings.Id, link.UnitCode, link.Year, form.Sheet, form.Report, link.Email, RequestOrigin.From(http), ct);
            if (outcome.Accepted is not null)
            {
                await drafts.DeleteAsync(link.CaseId, ct);
                return SeeOther($"/u/{link.Token}/receipt");
            }

            form.AddDomainErrors(outcome.Errors);
        }

        var @case = (await cases.GetAsync(link.CaseId, ct))?.Value;
        // Evidence can be uploaded before the first submission: ledgers are keyed by the (derived) case number.
        var files = await evidence.ListAsync(link.CaseId, link.Email, ct);
        return RazorPage.Of<UnitFormBody>(
            "请修改后提交",
            new UnitFormBody.Data(link, tree.Find(link.UnitCode)?.Name ?? "本单位", template, @case, form, nonces.Issue(link.Nonce, link.Email), files, null, false),
            StatusCodes.Status400BadRequest,
            ["/assets/unit.js"],
            link.Campaign.Settings.StandardNameFor(template));
    }

    private static async Task<IResult> ReceiptAsync(string token, UnitLinks units, TemplateResolver templates, CaseStore cases, CommitteeDirectory directory, CancellationToken ct)
    {
        var (link, refusal) = await units.OpenAsync(token, ct);
        if (link is null)
        {
            return Refused(refusal);
        }

        var tree = await directory.GetTreeAsync(ct);
        var @case = (await cases.GetAsync(link.CaseId, ct))?.Value;
        var template = await templates.FindAsync(@case?.Submission.SelfSheet.Template ?? PinFor(link, tree), ct);
        if (@case is null || template is null)
        {
            return PageLayout.Message("尚未提交", "本单位本年度的自评还没有提交，暂无回执。请返回填报页面填写并提交。", StatusCodes.Status404NotFound);
        }

        return RazorPage.Of<ReceiptBody>(
            "提交回执",
            new ReceiptBody.Data(
                link.Token, link.Campaign.Settings.Name, tree.Find(link.UnitCode)?.Name ?? "本单位", template, @case,
                tree.Find(link.UnitCode)?.Reviewers.FirstOrDefault(r => string.Equals(r.Email, @case.Submission.SubmittedBy, StringComparison.OrdinalIgnoreCase))?.Name ?? "本单位联系人"),
            scripts: ["/assets/unit.js"],
            standardName: link.Campaign.Settings.StandardNameFor(template));
    }

    /// <summary>The submitted 自查报告 as a printable page, or (<paramref name="docx"/>) as a Word document.</summary>
    private static async Task<IResult> ReportAsync(string token, bool docx, UnitLinks units, TemplateResolver templates, CaseStore cases, CommitteeDirectory directory, CancellationToken ct)
    {
        var (link, refusal) = await units.OpenAsync(token, ct);
        if (link is null)
        {
            return Refused(refusal);
        }

        var tree = await directory.GetTreeAsync(ct);
        var @case = (await cases.GetAsync(link.CaseId, ct))?.Value;
        var template = @case is null ? null : await templates.FindAsync(@case.Submission.SelfSheet.Template, ct);
        if (@case is null || template is null)
        {
            return PageLayout.Message("尚未提交", "本单位本年度的自评还没有提交，暂无自查报告。请返回填报页面填写并提交。", StatusCodes.Status404NotFound);
        }

        var unit = tree.Find(link.UnitCode);
        var addressee = unit?.ParentCode is { } parent && tree.Find(parent) is { } assessing ? assessing.Name : "上级关工委";
        var standardName = link.Campaign.Settings.StandardNameFor(template);
        var report = SelfReportDocument.From(@case, unit?.Name ?? "本单位", addressee, standardName);
        if (docx)
        {
            return Results.File(report.ToDocx(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"{report.UnitName}{@case.Year}年度自查报告.docx");
        }

        return RazorPage.Of<SelfReportBody>("自查报告", new SelfReportBody.Data(link.Token, report), scripts: ["/assets/unit.js"], standardName: standardName);
    }

    private static async Task<(UnitLink? Link, TokenRefusal? Refusal, IFormCollection? Form, IResult? Problem)> OpenPostAsync(
        string token, HttpContext http, UnitLinks units, FormNonces nonces, CancellationToken ct)
    {
        var (link, refusal) = await units.OpenAsync(token, ct);
        if (link is null)
        {
            return (null, refusal, null, null);
        }

        if (!http.Request.HasFormContentType)
        {
            return (null, null, null, PageLayout.Message("无法提交", "请从邮件中的链接打开填报页面后再提交。", StatusCodes.Status400BadRequest));
        }

        var form = await http.Request.ReadFormAsync(ct);
        return nonces.IsValid(form["formNonce"], link.Nonce, link.Email)
            ? (link, null, form, null)
            : (null, null, null, PageLayout.Message("页面已过期", "为了安全，请重新打开邮件中的链接，再填写提交。已保存的草稿不会丢失。", StatusCodes.Status403Forbidden));
    }

    private static IEnumerable<Domain.ValidationError> ReportBlanks(Cases.SelfInspectionReport report) =>
        UnitForm.ReportFields
            .Where(f => string.IsNullOrWhiteSpace(f.Field switch
            {
                "partySupport" => report.PartySupport,
                "ownBuildUp" => report.OwnBuildUp,
                "departmentCooperation" => report.DepartmentCooperation,
                "results" => report.Results,
                _ => report.MainProblems,
            }))
            .Select(f => new Domain.ValidationError("report." + f.Field, "submission.report_field_missing", $"请填写“{f.Label}”。", $"The report's {f.Field} is empty."));

    // After a POST, send the browser to a GET (so reloading the page does not post again).
    private static IResult SeeOther(string location) => new SeeOtherResult(location);

    private static IResult Refused(TokenRefusal? refusal) => refusal switch
    {
        null => PageLayout.Message("找不到活动", "此链接对应的创建活动不存在。请联系上级关工委。", StatusCodes.Status404NotFound),
        TokenRefusal.Expired => PageLayout.Message("链接已过期", "此填报链接已过期。请联系上级关工委重新发送。", StatusCodes.Status403Forbidden),
        _ => PageLayout.Message("链接无效", "此链接无效或不完整。请检查是否完整复制了邮件中的链接。", StatusCodes.Status403Forbidden),
    };

    private sealed class SeeOtherResult(string location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
            httpContext.Response.Headers.Location = location;
            return Task.CompletedTask;
        }
    }

    // Guidance by type (分类指导): a unit fills in its kind's sheet when the campaign gives one.
    private static Domain.Standards.TemplatePin PinFor(UnitLink link, Domain.Organisations.OrganisationTree tree) =>
        tree.Find(link.UnitCode) is { } unit ? link.Campaign.Settings.TemplateFor(unit.Kind) : link.Campaign.Settings.Template;
}
