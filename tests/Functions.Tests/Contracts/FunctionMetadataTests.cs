using System.Reflection;
using System.Text.Json.Nodes;
using GuanGong.Functions.Hosting;
using GuanGong.Functions.Ledgers;
using GuanGong.Functions.OpenApi;
using Microsoft.Azure.Functions.Worker;

namespace GuanGong.Functions.Tests.Contracts;

/// <summary>
/// The function table the Worker SDK generates (<c>functions.metadata</c>, what the Functions host and the
/// local host both read) against the code and the API document: every function is there with its trigger,
/// route and methods, and the OpenAPI document describes exactly the HTTP functions under <c>api/</c>.
/// </summary>
public sealed class FunctionMetadataTests
{
    private static readonly Assembly App = typeof(AppComposition).Assembly;

    [Fact]
    public void Metadata_EveryFunctionMethod_IsListedWithItsEntryPoint()
    {
        var metadata = Metadata().ToDictionary(f => f["name"]!.GetValue<string>());
        var methods = App.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null)
            .ToList();

        Assert.Equal(methods.Count, metadata.Count);
        foreach (var method in methods)
        {
            var name = method.GetCustomAttribute<FunctionAttribute>()!.Name;
            Assert.True(metadata.TryGetValue(name, out var entry), $"{name} is not in functions.metadata");
            Assert.Equal($"{method.DeclaringType!.FullName}.{method.Name}", entry["entryPoint"]!.GetValue<string>());
            Assert.Equal("GuanGong.Functions.dll", entry["scriptFile"]!.GetValue<string>());
        }
    }

    [Fact]
    public void Metadata_Triggers_AreTheOnesTheAppDependsOn()
    {
        var triggers = Metadata().ToDictionary(f => f["name"]!.GetValue<string>(), Trigger);

        Assert.Equal(("httpTrigger", "api/campaigns/{campaignId}/submissions", "post"), Describe(triggers["SubmitSelfAssessment"]));
        Assert.Equal(("httpTrigger", "r/{token}", "get"), Describe(triggers["ReviewPage"]));
        Assert.Equal(("httpTrigger", "r/{token}", "post"), Describe(triggers["ReviewDecide"]));
        Assert.Equal(("httpTrigger", "u/{token}", "get"), Describe(triggers["UnitPage"]));
        Assert.Equal(("httpTrigger", "dev/mail", "get"), Describe(triggers["DevMailbox"]));
        Assert.Equal(("httpTrigger", "api/templates/{templateId}/{version}", "get"), Describe(triggers["GetTemplate"]));
        Assert.Equal(("httpTrigger", "api/committees", "get"), Describe(triggers["ListCommittees"]));
        Assert.Equal(("httpTrigger", "api/holidays", "get"), Describe(triggers["ListHolidays"]));
        Assert.Equal(("httpTrigger", "api/admin/holidays", "get"), Describe(triggers["ReadHolidayNotices"]));
        Assert.Equal(("httpTrigger", "api/admin/holidays", "post"), Describe(triggers["LoadHolidayNotice"]));
        Assert.Equal(("httpTrigger", "api/admin/campaigns/{campaignId}/calendar", "put"), Describe(triggers["SetCampaignCalendar"]));
        Assert.Equal(("httpTrigger", "api/campaigns/{campaignId}/calendar", "get"), Describe(triggers["GetCampaignCalendar"]));
        Assert.Equal(("httpTrigger", "api/campaigns/{campaignId}/units/{unitCode}/resend", "post"), Describe(triggers["ResendUnitLink"]));
        Assert.Equal(("httpTrigger", "api/campaigns/{campaignId}/visits", "post"), Describe(triggers["RecordVisit"]));
        Assert.Equal(("httpTrigger", "api/campaigns/{campaignId}/visits", "get"), Describe(triggers["ListVisits"]));
        Assert.Equal(("httpTrigger", "api/campaigns/{campaignId}/visits/{visitId}/attachments/{index}", "get"), Describe(triggers["DownloadVisitAttachment"]));
        Assert.Equal(("httpTrigger", "d/{campaignId}/visits/{visitId}/files/{index}", "get"), Describe(triggers["VisitAttachmentPage"]));
        Assert.Equal("timerTrigger", triggers["SubmissionReminders"]["type"]!.GetValue<string>());
        Assert.Equal("0 0 * * * *", triggers["SubmissionReminders"]["schedule"]!.GetValue<string>());
        // The catch-all answers every path no other function's route matches, for every method.
        Assert.Equal(("httpTrigger", "{*path}", "get,head,post,put,patch,delete,options"), Describe(triggers["UnknownRoute"]));
        Assert.Equal("orchestrationTrigger", triggers["CaseWorkflow"]["type"]!.GetValue<string>());
        Assert.Equal("orchestrationTrigger", triggers["CampaignInvitations"]["type"]!.GetValue<string>());
        Assert.Equal("activityTrigger", triggers["OpenReviewTask"]["type"]!.GetValue<string>());
        Assert.Equal("timerTrigger", triggers["ReconcileDecisions"]["type"]!.GetValue<string>());
        Assert.Equal("0 */5 * * * *", triggers["ReconcileDecisions"]["schedule"]!.GetValue<string>());
        // Accepted cases whose start was never sent: on start-up (a crashed process's queue) and every five minutes.
        Assert.Equal("timerTrigger", triggers["StartUnstartedCases"]["type"]!.GetValue<string>());
        Assert.Equal("0 */5 * * * *", triggers["StartUnstartedCases"]["schedule"]!.GetValue<string>());
        Assert.True(triggers["StartUnstartedCases"]["runOnStartup"]!.GetValue<bool>());
        Assert.All(triggers.Values.Where(t => t["type"]!.GetValue<string>() == "httpTrigger"), t => Assert.Equal("Anonymous", t["authLevel"]!.GetValue<string>(), ignoreCase: true));
    }

    [Fact]
    public void ApiDocument_DescribesExactlyTheHttpFunctionsUnderApi()
    {
        var expected = Metadata()
            .Select(f => (Name: f["name"]!.GetValue<string>(), Trigger: Trigger(f)))
            .Where(f => f.Trigger["type"]!.GetValue<string>() == "httpTrigger" && f.Trigger["route"]!.GetValue<string>().StartsWith("api/", StringComparison.Ordinal))
            .SelectMany(f => f.Trigger["methods"]!.AsArray().Select(m => ($"/{f.Trigger["route"]!.GetValue<string>()}", m!.GetValue<string>().ToLowerInvariant(), f.Name)))
            .OrderBy(o => o.Item1, StringComparer.Ordinal).ThenBy(o => o.Item2, StringComparer.Ordinal)
            .ToList();

        var document = ApiDocument.Build(App);
        var described = document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(o => (p.Key, o.Key, o.Value!["operationId"]!.GetValue<string>())))
            .OrderBy(o => o.Item1, StringComparer.Ordinal).ThenBy(o => o.Item2, StringComparer.Ordinal)
            .ToList();

        Assert.Equal(expected, described);
    }

    [Fact]
    public void ApiDocument_DeclaresItsSecuritySchemes_AndEveryReferencedSchemaExists()
    {
        var document = ApiDocument.Build(App);
        var schemes = document["components"]!["securitySchemes"]!.AsObject();
        Assert.Equal(["adminKey", "apiKey", "link"], schemes.Select(s => s.Key).Order(StringComparer.Ordinal));
        Assert.Equal("bearer", schemes["link"]!["scheme"]!.GetValue<string>());

        var schemas = document["components"]!["schemas"]!.AsObject();
        var json = document.ToJsonString();
        foreach (var reference in System.Text.RegularExpressions.Regex.Matches(json, "#/components/schemas/([A-Za-z0-9_]+)").Select(m => m.Groups[1].Value).Distinct())
        {
            Assert.True(schemas.ContainsKey(reference), $"{reference} is referenced but not defined");
        }

        Assert.All(document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject()), o =>
            Assert.All(o.Value!["security"]?.AsArray() ?? [], s => Assert.True(schemes.ContainsKey(s!.AsObject().Single().Key))));
    }

    [Fact]
    public void ApiDocument_LedgerDownload_NamesEveryLedgerContentType()
    {
        Assert.Equal(LedgerFileKind.All.Select(k => k.ContentType), LedgerFileKind.ContentTypes.Split(','));
        var content = ApiDocument.Build(App)["paths"]!["/api/ledgers/content"]!["get"]!["responses"]!["200"]!["content"]!.AsObject();
        Assert.Equal(LedgerFileKind.All.Select(k => k.ContentType), content.Select(c => c.Key));
    }

    internal static IReadOnlyList<JsonObject> Metadata()
    {
        var path = Path.Combine(Path.GetDirectoryName(App.Location)!, "functions.metadata");
        Assert.True(File.Exists(path), $"{path} is missing: the Worker SDK writes it when the app is built");
        return [.. JsonNode.Parse(File.ReadAllText(path))!.AsArray().Select(n => n!.AsObject())];
    }

    private static JsonObject Trigger(JsonObject function) =>
        function["bindings"]!.AsArray().Select(b => b!.AsObject()).Single(b => b["type"]!.GetValue<string>().EndsWith("Trigger", StringComparison.Ordinal));

    private static (string, string, string) Describe(JsonObject trigger) =>
        (trigger["type"]!.GetValue<string>(), trigger["route"]!.GetValue<string>(), string.Join(',', trigger["methods"]!.AsArray().Select(m => m!.GetValue<string>())));
}
