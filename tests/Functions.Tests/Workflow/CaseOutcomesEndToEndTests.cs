using System.Net;
using System.Text;
using System.Text.Json;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using GuanGong.Domain;
using GuanGong.Functions.Cases.Workflow;
using GuanGong.Functions.Records;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using GuanGong.Functions.Submissions;
using GuanGong.Testing;

namespace GuanGong.Functions.Tests.Workflow;

/// <summary>The ends a case can come to besides passing, and the submission's idempotency, in the running app.</summary>
public sealed class CaseOutcomesEndToEndTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero); // Mon 2 Mar, 09:00 China time

    [Fact]
    public async Task Case_CountyRejects_EndsFailedAndTheUnitIsToldNotPassed()
    {
        await using var smtp = new SmtpSink();
        await using var app = await AcceptanceChainEndToEndTests.StartAsync(smtp);
        var (_, caseId, township) = await AcceptanceChainEndToEndTests.SubmitVillageCaseAsync(app, smtp);
        await AcceptanceChainEndToEndTests.DecideOnPageAsync(app, township.LinkWith("/r/"), "Approve", "同意上报。");
        var county = await smtp.WaitForAsync(m => m.To.Contains("county@example.cn") && m.Subject.StartsWith("请审核", StringComparison.Ordinal));
        await AcceptanceChainEndToEndTests.DecideOnPageAsync(app, county.LinkWith("/r/"), "Reject", "台账与实际不符，本年度不予通过。");

        var failed = await app.WaitForStatusAsync(caseId, "Failed");
        Assert.Equal(2, failed.GetProperty("decisions").GetArrayLength());
        Assert.Equal("Completed", (await app.WaitForCaseAsync(caseId, c => c.GetProperty("engineStatus").GetString() == "Completed")).GetProperty("engineStatus").GetString());
        var verdict = await smtp.WaitForAsync(m => m.To.Contains("village1@example.cn") && m.Subject.Contains("验收结果", StringComparison.Ordinal));
        Assert.Contains("未达标", verdict.Subject + verdict.Body, StringComparison.Ordinal);
        Assert.Contains("台账与实际不符", verdict.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Case_ReturnedAndTheRectificationDeadlinePasses_ClosesWithoutAPass()
    {
        var clock = new FakeTimeProvider(Start);
        await using var smtp = new SmtpSink();
        await using var app = await AcceptanceChainEndToEndTests.StartAsync(smtp, clock);
        var (unitToken, caseId, township) = await AcceptanceChainEndToEndTests.SubmitVillageCaseAsync(app, smtp);
        await AcceptanceChainEndToEndTests.DecideOnPageAsync(app, township.LinkWith("/r/"), "Return", "缺少活动记录，请补充。");
        var returned = await app.WaitForStatusAsync(caseId, "ReturnedForRectification");
        var due = returned.GetProperty("rectificationDueAt").GetDateTimeOffset();
        Assert.True(due > Start.AddDays(7), $"the rectification deadline {due:O} should be working days away");

        // The deadline passes with no resubmission: the waiting orchestration's timer closes the case.
        clock.SetUtcNow(due.AddMinutes(1));
        var closed = await app.WaitForCaseAsync(caseId, c => c.GetProperty("status").GetString() is not ("ReturnedForRectification" or "Resubmitted"));

        // Issue 15: closed as expired — assessed and not passed (未达标), not withdrawn.
        Assert.Equal("RectificationExpired", closed.GetProperty("status").GetString());
        Assert.Contains(closed.GetProperty("history").EnumerateArray(), e => e.GetProperty("action").GetString() == "逾期未整改");
        using var late = await app.SubmitAsync(unitToken);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
    }

    [Fact]
    public async Task Submit_SameIdempotencyKeyWithAnotherBody_Answers422AndStoresNothingNew()
    {
        await using var app = await RunningApp.StartAsync();
        await app.SetUpCountyAsync(villages: 2);
        using (var first = await SubmitAsAdminAsync(app, "V1", "k-1"))
        {
            Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        }

        using var misused = await SubmitAsAdminAsync(app, "V2", "k-1");

        Assert.Equal((HttpStatusCode)422, misused.StatusCode);
        Assert.Contains("idempotency-key-reused", await misused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, await app.CaseStatusCodeAsync(SampleCounty.CaseId("V2")));
    }

    [Fact]
    public async Task Submit_TwoConcurrentRequestsWithOneKey_OneCaseOneWorkflowTheSameAnswer()
    {
        await using var app = await RunningApp.StartAsync();
        await app.SetUpCountyAsync(villages: 1);

        var answers = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            using var response = await SubmitAsAdminAsync(app, "V1", "same-key");
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Accepted, a.StatusCode));
        var caseId = SampleCounty.CaseId("V1");
        Assert.Equal(answers[0].Body, answers[1].Body);
        // One instance per case id: the second start was refused at once, so once the task is open and mailed there is no other run to mail.
        var opened = await app.WaitForCaseAsync(caseId, c => c.GetProperty("history").EnumerateArray().Any(e => e.GetProperty("action").GetString() == "分派审核任务"));
        Assert.Single(opened.GetProperty("history").EnumerateArray(), e => e.GetProperty("action").GetString() == "提交自评");
        await app.WaitForMailAsync(m => m.To.Any(t => t.Contains("town@example.cn", StringComparison.Ordinal)) && m.Subject.StartsWith("请审核", StringComparison.Ordinal));
        Assert.Single(app.Mails(), m => m.To.Any(t => t.Contains("town@example.cn", StringComparison.Ordinal)) && m.Subject.StartsWith("请审核", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Submit_StartFailsAfterTheCaseIsStored_AnsweredFromTheRow_StartSentOnceStorageTakesIt_KeyedRetryReplays()
    {
        var caseId = SampleCounty.CaseId("V1");
        var startFails = new FailingRequests(CaseWorkflowNames.InstanceId(caseId));
        var startLogs = new StartLogs();
        await using var app = await RunningApp.StartAsync(new AppOptions { ConfigureEngine = engine => engine.StoragePolicies.Add(startFails), Logs = startLogs });
        await app.SetUpCountyAsync(villages: 1);
        var starts = app.Services.GetRequiredService<GuanGong.Functions.Submissions.WorkflowStarts>();

        // The engine cannot be reached for this instance: the unit is answered from the stored case, the start waits.
        startFails.Armed = true;
        using (var first = await SubmitAsAdminAsync(app, "V1", "lost-start"))
        {
            Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        }

        var kept = app.Services.GetRequiredService<AppTables>().Idempotency.Client;
        var answers = new List<TableEntity>();
        await foreach (var row in kept.QueryAsync<TableEntity>())
        {
            answers.Add(row);
        }

        Assert.Single(answers);
        var stored = (await app.Services.GetRequiredService<GuanGong.Functions.Cases.CaseStore>().GetAsync(caseId, CancellationToken.None))!.Value;
        Assert.Equal(GuanGong.Domain.Cases.CaseStatus.Submitted, stored.State.Status);
        Assert.Equal(1, starts.Pending);
        // The queue, not the storage client's own retries, sends it again: wait for its second "sent again" while armed.
        Assert.True(await startLogs.RetriedAsync(caseId, 2, TimeSpan.FromSeconds(30)), "the queued start was not sent again while the engine failed");

        // Storage takes it again: the queued start goes out on its next try, once.
        startFails.Armed = false;
        var started = await app.WaitForCaseAsync(caseId, c => c.GetProperty("history").EnumerateArray().Any(e => e.GetProperty("action").GetString() == "分派审核任务"));
        Assert.Single(started.GetProperty("history").EnumerateArray(), e => e.GetProperty("action").GetString() == "提交自评");
        Assert.Equal(0, starts.Pending);

        // The keyed retry gets the kept answer, nothing is started twice; without a key a second submission is refused.
        using var retried = await SubmitAsAdminAsync(app, "V1", "lost-start");
        Assert.Equal(HttpStatusCode.Accepted, retried.StatusCode);
        var answer = JsonDocument.Parse(await retried.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(caseId, answer.GetProperty("caseId").GetString());
        Assert.Equal(stored.ReceiptNumber, answer.GetProperty("receiptNumber").GetString());
        using var unkeyed = await SubmitAsAdminAsync(app, "V1", idempotencyKey: null);
        Assert.Equal(HttpStatusCode.Conflict, unkeyed.StatusCode);
        await app.WaitForMailAsync(m => m.To.Any(t => t.Contains("town@example.cn", StringComparison.Ordinal)) && m.Subject.StartsWith("请审核", StringComparison.Ordinal));
        Assert.Single(app.Mails(), m => m.To.Any(t => t.Contains("town@example.cn", StringComparison.Ordinal)) && m.Subject.StartsWith("请审核", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Submit_KeyedRetryWhoseAnswerWasNeverKept_AfterTheWorkflowTookTheCase_Accepted_ElseRefused()
    {
        await using var app = await RunningApp.StartAsync();
        await app.SetUpCountyAsync(villages: 1);
        var caseId = SampleCounty.CaseId("V1");

        // What a SIGKILL between storing the case and keeping the key's answer leaves, once the start-up sweep has started
        // the workflow: the case under review and nothing kept under the key. A first delivery without a key leaves the same.
        string receipt;
        using (var first = await SubmitAsAdminAsync(app, "V1", idempotencyKey: null))
        {
            Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
            receipt = JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement.GetProperty("receiptNumber").GetString()!;
        }

        await app.WaitForCaseAsync(caseId, c => c.GetProperty("history").EnumerateArray().Any(e => e.GetProperty("action").GetString() == "分派审核任务"));

        // The retry with its key: the case it asked for, accepted, its number unchanged; the key keeps that answer.
        using var retried = await SubmitAsAdminAsync(app, "V1", "answer-never-kept");
        var retriedBody = await retried.Content.ReadAsStringAsync();
        Assert.True(retried.StatusCode == HttpStatusCode.Accepted, retriedBody);
        var answer = JsonDocument.Parse(retriedBody).RootElement;
        Assert.Equal(caseId, answer.GetProperty("caseId").GetString());
        Assert.Equal(receipt, answer.GetProperty("receiptNumber").GetString());
        Assert.Equal("UnderReview", answer.GetProperty("status").GetString());
        Assert.False(answer.GetProperty("resubmission").GetBoolean());
        using (var again = await SubmitAsAdminAsync(app, "V1", "answer-never-kept"))
        {
            Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
            Assert.Equal(retriedBody, await again.Content.ReadAsStringAsync());
        }

        // Another submission under a new key, or the same one without a key, is refused as before.
        using (var other = await SubmitAsAdminAsync(app, "V1", "another-key", SampleCounty.Report() with { Results = "另一份自查报告的工作成效。" }))
        {
            Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        }

        using (var unkeyed = await SubmitAsAdminAsync(app, "V1", idempotencyKey: null))
        {
            Assert.Equal(HttpStatusCode.Conflict, unkeyed.StatusCode);
        }

        // Nothing was started or recorded twice.
        var status = await app.WaitForCaseAsync(caseId, _ => true);
        Assert.Single(status.GetProperty("history").EnumerateArray(), e => e.GetProperty("action").GetString() == "提交自评");
        Assert.Single(status.GetProperty("history").EnumerateArray(), e => e.GetProperty("action").GetString() == "分派审核任务");
    }

    /// <summary>The start queue's "sent again" warnings, by case id.</summary>
    private sealed class StartLogs : ILoggerProvider
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _retries = new();

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName == typeof(GuanGong.Functions.Submissions.WorkflowStarts).FullName ? _retries : null);

        public async Task<bool> RetriedAsync(string caseId, int count, TimeSpan patience)
        {
            using var timeout = new CancellationTokenSource(patience);
            while (_retries.Count(m => m.Contains(caseId, StringComparison.Ordinal) && m.Contains("sent again", StringComparison.Ordinal)) < count)
            {
                if (timeout.IsCancellationRequested)
                {
                    return false;
                }

                await Task.Delay(20, CancellationToken.None);
            }

            return true;
        }

        public void Dispose()
        {
        }

        private sealed class Logger(System.Collections.Concurrent.ConcurrentQueue<string>? sink) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => sink is not null && logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    sink!.Enqueue(formatter(state, exception));
                }
            }
        }
    }

    /// <summary>While armed, fails every engine storage request that names one instance: a process dying before the request left.</summary>
    private sealed class FailingRequests(string instanceId) : HttpPipelinePolicy
    {
        public volatile bool Armed;

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            Check(message);
            ProcessNext(message, pipeline);
        }

        public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            Check(message);
            return ProcessNextAsync(message, pipeline);
        }

        private void Check(HttpMessage message)
        {
            if (Armed && Uri.UnescapeDataString(message.Request.Uri.ToString()).Contains(instanceId, StringComparison.Ordinal))
            {
                throw new IOException("Injected: the process stopped before this request was sent.");
            }
        }
    }

    private static async Task<HttpResponseMessage> SubmitAsAdminAsync(RunningApp app, string unitCode, string? idempotencyKey, GuanGong.Functions.Cases.SelfInspectionReport? report = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/campaigns/{SampleCounty.CampaignId}/submissions", UriKind.Relative))
        {
            Content = new StringContent(DomainJson.Serialize(new SubmissionRequest(unitCode, SampleCounty.Year, SampleCounty.SelfSheet(), report ?? SampleCounty.Report())), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Admin-Key", RunningApp.AdminKey);
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await app.Client.SendAsync(request);
    }
}
