using GuanGong.Domain;
using GuanGong.Domain.Deadlines;
using GuanGong.Domain.Organisations;
using GuanGong.Domain.Standards;
using GuanGong.Functions.Calendars;
using GuanGong.Functions.Http;
using GuanGong.Functions.ReferenceData;
using GuanGong.Functions.Standards;

namespace GuanGong.Functions.Organisations;

/// <summary>Administrator functions for the organisation tree, templates and the holiday calendar (admin key required).</summary>
internal static class AdminEndpoints
{
    public const int MaxCsvBytes = 8 * 1024 * 1024;

    public static void MapAdmin(this IEndpointRouteBuilder api)
    {
        var admin = api.MapGroup("/admin").AddEndpointFilter<AdminOnly>();

        admin.MapPost("/committees", async (HttpContext http, CommitteeDirectory directory, CancellationToken ct) =>
        {
            var bytes = await RequestBodies.ReadLimitedAsync(http, MaxCsvBytes, ct);
            if (bytes is null)
            {
                return Problems.TooLarge("导入的文件太大。", $"The CSV is larger than {MaxCsvBytes} bytes.");
            }

            var imported = CommitteeCsvImporter.Import(bytes);
            if (!imported.IsSuccess)
            {
                return Problems.Validation(imported.Errors, "导入失败：文件中有错误，请按行号修改后重新导入。");
            }

            var codeErrors = CommitteeDirectory.CheckCodes(imported.Value);
            if (codeErrors.Count > 0)
            {
                return Problems.Validation(codeErrors, "导入失败：编码中有不允许的字符。");
            }

            await directory.ReplaceAsync(imported.Value, ct);
            var tree = imported.Value;
            return Results.Ok(new
            {
                committees = tree.Committees.Count,
                byLevel = tree.Committees.GroupBy(c => c.Level).ToDictionary(g => g.Key.ToString(), g => g.Count()),
            });
        })
        .WithName("ImportCommittees")
        .WithSummary("Replace the organisation tree from a CSV file (code,name,level,kind,parent_code,reviewers,fallback_reviewer)")
        .Accepts<string>("text/csv");

        admin.MapPost("/committees/{code}/api-keys", async (string code, CommitteeDirectory directory, ApiKeyStore keys, TimeProvider time, CancellationToken ct) =>
        {
            var tree = await directory.GetTreeAsync(ct);
            if (!tree.Contains(code))
            {
                return Problems.NotFound("找不到该关工委。", $"There is no committee '{code}'.");
            }

            var key = await keys.IssueAsync(code, time.GetUtcNow(), ct);
            return Results.Created($"/api/committees/{code}", new { committeeCode = code, apiKey = key, header = Access.ApiKeyHeader });
        })
        .WithName("IssueCommitteeApiKey")
        .WithSummary("Issue an API key for one committee (shown once; only its hash is kept)");

        admin.MapPost("/templates", async (HttpContext http, TemplateResolver templates, CancellationToken ct) =>
        {
            var json = await RequestBodies.ReadTextAsync(http, ct);
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
        })
        .WithName("LoadTemplate")
        .WithSummary("Load a standard template (JSON); a changed template needs a new version")
        .Accepts<StandardTemplate>("application/json");

        admin.MapPost("/holidays", async (HttpContext http, CalendarSource calendars, HolidayCalendarCache heldCalendar, CancellationToken ct) =>
        {
            var json = await RequestBodies.ReadTextAsync(http, ct);
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
        })
        .WithName("LoadHolidayNotice")
        .WithSummary("Load one year's State Council holiday notice (holidays and make-up working days)")
        .Accepts<HolidayNotice>("application/json");

        api.MapGet("/templates", async (TemplateResolver templates, CancellationToken ct) =>
            Results.Json((await templates.ListAsync(ct)).Select(t => new { t.Id, t.Version, t.Name, t.TotalPoints, t.PassThreshold, pin = t.Pin() }), DomainJson.Options))
        .WithName("ListTemplates")
        .WithSummary("The standard templates available to campaigns");
    }
}
