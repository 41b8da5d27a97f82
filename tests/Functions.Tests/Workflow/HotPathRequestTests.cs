using System.Net;
using System.Text;
using System.Text.Json;
using GuanGong.Domain;
using GuanGong.Domain.Cases;
using GuanGong.Domain.Links;
using GuanGong.Functions.Audit;
using GuanGong.Functions.Cases;
using GuanGong.Functions.Organisations;
using GuanGong.Functions.Records;
using GuanGong.Functions.Submissions;
using GuanGong.Functions.Tests.Builders;
using Microsoft.Extensions.DependencyInjection;

namespace GuanGong.Functions.Tests.Workflow;

/// <summary>
/// The storage requests a submission and a decision make while their client waits: the app's own
/// (its request counter) and the Durable client's (the engine's counter). The Durable worker is off,
/// so nothing but the request itself touches storage while it is counted.
/// </summary>
public sealed class HotPathRequestTests
{
    [Fact]
    public async Task Submit_FirstSubmissionWithWarmReferenceData_InsertsTheCaseAndQueuesTheStartOnly()
    {
        await using var app = await StartAsync();
        await app.SetUpCountyAsync(villages: 2);
        using (var warm = await SubmitAsAdminAsync(app, "V1"))
        {
            Assert.Equal(HttpStatusCode.Accepted, warm.StatusCode);
        }

        // The warm-up's start is sent after its answer: let it go out before counting.
        var starts = app.Services.GetRequiredService<WorkflowStarts>();
        await SentAsync(starts);
        var counter = Counter(app);
        counter.Reset();
        app.EngineRequests.Reset();
        using var submitted = await SubmitAsAdminAsync(app, "V2");

        Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        // In line, the app: the case row. Sent after the answer, the Durable client (DTFx's): the existing-instance
        // check, the Instances row, the start message.
        Assert.Equal(1, counter.Get("Table", "InsertEntity"));
        Assert.Equal(1, counter.Total);
        await SentAsync(starts);
        var engine = app.EngineRequests;
        Assert.Equal(1, engine.Get("Table", "QueryEntities"));
        Assert.Equal(1, engine.Get("Table", "InsertEntity"));
        Assert.Equal(1, engine.Get("Queue", "PutMessage"));
        Assert.Equal(3, engine.Total);
    }

    [Fact]
    public async Task Submit_NotLaunchedThenLaunchedThroughThisHost_IsAcceptedAtOnce()
    {
        await using var app = await StartAsync();
        (await app.AdminPostAsync("/api/admin/committees", SampleCounty.Csv(2), "text/csv")).EnsureSuccessStatusCode();
        (await app.AdminPostAsync("/api/admin/campaigns", DomainJson.Serialize(SampleCounty.Campaign()))).EnsureSuccessStatusCode();
        using (var early = await SubmitAsAdminAsync(app, "V1"))
        {
            Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
            Assert.Contains("campaign.not_launched", await early.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        (await app.AdminPostAsync($"/api/admin/campaigns/{SampleCounty.CampaignId}/launch", """{"year":2026}""")).EnsureSuccessStatusCode();

        using var launched = await SubmitAsAdminAsync(app, "V1");
        Assert.Equal(HttpStatusCode.Accepted, launched.StatusCode);
    }

    [Fact]
    public async Task Submit_UnitAddedByAnImportThroughThisHost_IsAcceptedAtOnce()
    {
        await using var app = await StartAsync();
        await app.SetUpCountyAsync(villages: 1);
        using (var unknown = await SubmitAsAdminAsync(app, "V2"))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }

        (await app.AdminPostAsync("/api/admin/committees", SampleCounty.Csv(2), "text/csv")).EnsureSuccessStatusCode();

        using var known = await SubmitAsAdminAsync(app, "V2");
        Assert.Equal(HttpStatusCode.Accepted, known.StatusCode);
    }

    [Fact]
    public async Task Decide_JsonFunctionOnAnOpenTask_ReadsTheCaseWritesDecisionAndAuditAndQueuesTheEvent()
    {
        await using var app = await StartAsync();
        await app.Services.GetRequiredService<CommitteeDirectory>().ReplaceAsync(TreeBuilder.Standard(), CancellationToken.None);
        var opened = new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);
        var @case = new CaseBuilder(TreeBuilder.Standard(), SeededApp.NewCampaignId(), 2026, TreeBuilder.Unit1)
            .InState(CaseStatus.UnderReview)
            .WithTask(TreeBuilder.Township1, opened, opened.AddDays(10))
            .Build();
        Assert.True(await app.Services.GetRequiredService<CaseStore>().TryAddAsync(@case, CancellationToken.None));
        // The activity that opened the task wrote the chain's head on this host.
        await app.Services.GetRequiredService<AuditLog>().AppendAsync(@case.CaseId, "system", "分派审核任务", null, null, CancellationToken.None);
        var assignee = @case.Task!.Assignees[0];
        var token = ApprovalTokens.Issue(
            new ApprovalTokenClaims(@case.CaseId, 1, assignee.Email, ApprovalActions.View | ApprovalActions.Approve, TimeProvider.System.GetUtcNow().AddDays(30), assignee.Nonce),
            app.Services.GetRequiredService<LinkKeyRing>());
        await app.Engine.GetInstanceAsync("warm-up", false, CancellationToken.None); // the client's first use creates the task hub
        var counter = Counter(app);
        counter.Reset();
        app.EngineRequests.Reset();

        using var decided = await PostDecisionAsync(app, token);

        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        // The app: the case, the decision's two rows, the audit entry. The Durable client: the event message.
        Assert.Equal(1, counter.Get("Table", "GetEntity"));
        Assert.Equal(1, counter.Get("Table", "SubmitTransaction"));
        Assert.Equal(1, counter.Get("Table", "InsertEntity"));
        Assert.Equal(3, counter.Total);
        Assert.Equal(1, app.EngineRequests.Get("Queue", "PutMessage"));
        Assert.Equal(1, app.EngineRequests.Total);
        using var again = await PostDecisionAsync(app, token);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var history = await app.Services.GetRequiredService<AuditLog>().ReadAsync(@case.CaseId, CancellationToken.None);
        Assert.Null(AuditChain.FindFirstBreak(history));
        Assert.Single(history, e => e.Action == "提交审核决定");
    }

    // The Durable worker stays off: what is counted is the request's own traffic, not the worker's polling.
    private static Task<RunningApp> StartAsync()
    {
        var options = new AppOptions { RunDurableWorker = false };
        options.Settings["GuanGong:Links:SigningKeys:Current"] = "hot:" + Convert.ToBase64String(new byte[32].Select((_, i) => (byte)(i * 5 + 3)).ToArray());
        return RunningApp.StartAsync(options);
    }

    private static StorageRequestCounter Counter(RunningApp app) => app.Services.GetRequiredService<AppStorage>().RequestCounter;

    private static async Task<HttpResponseMessage> SubmitAsAdminAsync(RunningApp app, string unitCode)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/campaigns/{SampleCounty.CampaignId}/submissions", UriKind.Relative))
        {
            Content = new StringContent(DomainJson.Serialize(new SubmissionRequest(unitCode, 2026, SampleCounty.SelfSheet(), SampleCounty.Report())), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Admin-Key", RunningApp.AdminKey);
        return await app.Client.SendAsync(request);
    }

    private static Task<HttpResponseMessage> PostDecisionAsync(RunningApp app, string token) =>
        app.Client.PostAsync(
            new Uri("/api/reviews/decisions", UriKind.Relative),
            new StringContent(JsonSerializer.Serialize(new { token, action = "approve", reason = "同意。" }), Encoding.UTF8, "application/json"));

    private static async Task SentAsync(WorkflowStarts starts)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (starts.Pending > 0)
        {
            await Task.Delay(10, patience.Token);
        }
    }
}
