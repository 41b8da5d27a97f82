using GuanGong.Domain;
using GuanGong.Domain.Deadlines;
using GuanGong.Domain.Organisations;
using GuanGong.Domain.Standards;
using GuanGong.Functions.Calendars;
using GuanGong.Functions.Http;
using GuanGong.Functions.OpenApi;
using GuanGong.Functions.ReferenceData;
using GuanGong.Functions.Standards;
using Microsoft.Azure.Functions.Worker;

namespace GuanGong.Functions.Organisations;

/// <summary>Administrator functions for the organisation tree, templates and the holiday calendar (admin key required), and the template list.</summary>
public sealed class AdminFunctions(
    HttpGate gate, AdminOnly admin, CommitteeDirectory directory, ApiKeyStore keys, TemplateResolver templates, CalendarSource calendars, HolidayCalendarCache heldCalendar, TimeProvider time)
{
    public const int MaxCsvBytes = 8 * 1024 * 1024;

    [Function("ImportCommittees")]
    [ApiOperation("Replace the organisation tree from a CSV file (code,name,level,kind,parent_code,reviewers,fallback_reviewer; optional 已建关工组织/established 是|否 for a grassroots unit without a committee yet: counted in 应建, never invited)", Tag = "Administration",
        RequestBody = typeof(string), RequestContentType = "text/csv", Problems = [400, 401, 413], Security = ["adminKey"])]
    public Task<IResult> ImportCommittees(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/admin/committees")] HttpRequest request,
        CancellationToken ct) =>
        gate.RunAsync(request, () => admin.RunAsync(request, async () =>
        {
            var bytes = await RequestBodies.ReadLimitedAsync(request.HttpContext, MaxCsvBytes, ct);
            if (bytes is null)
            {
                return Problems.TooLarge("导入的文件太大。", $"The CSV is larger than {MaxCsvBytes} bytes.");
            }

            var imported = CommitteeCsvImporter.ImportOrganisation(bytes);
            if (!imported.IsSuccess)
            {
                return Problems.Validation(imported.Errors, "导入失败：文件中有错误，请按行号修改后重新导入。");
            }

            var (tree, withoutCommittee) = imported.Value;
            var codeErrors = CommitteeDirectory.CheckCodes(tree)
                .Concat(withoutCommittee.Where(u => !CommitteeDirectory.IsSafeCode(u.Code)).Select(u => new ValidationError(
                    "code", "committee.code_characters", $"编码“{u.Code}”只能包含字母、数字、“-”“_”“.”，且不超过 64 个字符。", $"The code '{u.Code}' may contain only letters, digits, '-', '_' and '.', at most 64 characters.")))
                .ToList();
            if (codeErrors.Count > 0)
            {
                return Problems.Validation(codeErrors, "导入失败：编码中有不允许的字符。");
            }

            await directory.ReplaceAsync(tree, ct, withoutCommittee);
            return Results.Ok(new
            {
                committees = tree.Committees.Count,
                byLevel = tree.Committees.GroupBy(c => c.Level).ToDictionary(g => g.Key.ToString(), g => g.Count()),
                withoutCommittee = withoutCommittee.Count,
            });
        }));

    [Function("IssueCommitteeApiKey")]
    [ApiOperation("Issue an API key for one committee (shown once; only its hash is kept)", Tag = "Administration", ResponseStatus = 201, Problems = [401, 404], Security = ["adminKey"])]
    public Task<IResult> IssueCommitteeApiKey(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/admin/committees/{code}/api-keys")] HttpRequest request,
        string code,
        CancellationToken ct) =>
        gate.RunAsync(request, () => admin.RunAsync(request, async () =>
        {
            var tree = await directory.GetTreeAsync(ct);
            if (!tree.Contains(code))
            {
                return Problems.NotFound("找不到该关工委。", $"There is no committee '{code}'.");
            }

            var key = await keys.IssueAsync(code, time.GetUtcNow(), ct);
            return Results.Created($"/api/committees/{code}", new { committeeCode = code, apiKey = key, header = Access.ApiKeyHeader });
        }));

    [Function("LoadTemplate")]
    [ApiOperation("Load a standard template (JSON); a changed template needs a new version", Tag = "Administration",
        RequestBody = typeof(StandardTemplate), ResponseStatus = 201, Problems = [400, 401, 409, 413], Security = ["adminKey"])]
    public Task<IResult> LoadTemplate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/admin/templates")] HttpRequest request,
        CancellationToken ct) =>
        gate.RunAsync(request, () => admin.RunAsync(request, async () =>
        {
            var json = await RequestBodies.ReadTextAsync(request.HttpContext, ct);
            if (json is null)
            {
                return Problems.TooLarge("标准文件太大。", "The template is too large.");
            }

            var parsed = TemplateLoader.Parse(json);
            if (!parsed.IsSuccess)
            {
                return Problems.Validation(parsed.Errors, "标准文件有误。");
            }

            var template = parsed.Value;
            return await templates.TryAddAsync(template, ct)
                ? Results.Created($"/api/templates/{template.Id}/{template.Version}", new { template.Id, template.Version, template.Name, pin = template.Pin() })
                : Problems.Conflict("template-exists", "该标准的这个版本已经存在；修改标准请提高版本号。", $"Template {template.Id} v{template.Version} already exists.");
        }));

    [Function("LoadHolidayNotice")]
    [ApiOperation("Load one year's State Council holiday notice (holidays and make-up working days)", Tag = "Administration",
        RequestBody = typeof(HolidayNotice), Problems = [400, 401, 413], Security = ["adminKey"])]
    public Task<IResult> LoadHolidayNotice(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/admin/holidays")] HttpRequest request,
        CancellationToken ct) =>
        gate.RunAsync(request, () => admin.RunAsync(request, async () =>
        {
            var json = await RequestBodies.ReadTextAsync(request.HttpContext, ct);
            if (json is null)
            {
                return Problems.TooLarge("文件太大。", "The notice is too large.");
            }

            var parsed = HolidayNoticeLoader.Parse(json);
            if (!parsed.IsSuccess)
            {
                return Problems.Validation(parsed.Errors, "节假日安排有误。");
            }

            await calendars.SaveAsync(parsed.Value, ct);
            heldCalendar.Invalidate();
            return Results.Ok(new { parsed.Value.Year, holidays = parsed.Value.Holidays.Count, makeUpWorkingDays = parsed.Value.MakeUpWorkingDays.Count });
        }));

    [Function("ListTemplates")]
    [ApiOperation("The standard templates available to campaigns", Tag = "Standards")]
    public Task<IResult> ListTemplates(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/templates")] HttpRequest request,
        CancellationToken ct) =>
        gate.RunAsync(request, async () =>
            Results.Json((await templates.ListAsync(ct)).Select(t => new { t.Id, t.Version, t.Name, t.TotalPoints, t.PassThreshold, pin = t.Pin() }), DomainJson.Options));
}
