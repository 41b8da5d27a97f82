using GuanGong.Domain.Cases;
using GuanGong.Functions.Cases;
using GuanGong.Functions.Pages;
using GuanGong.Functions.Records;
using GuanGong.Functions.Reviews;
using GuanGong.Functions.Tests.Builders;
using GuanGong.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GuanGong.Functions.Tests.Workflow;

/// <summary>Issue 17 point 2: a workflow step that keeps failing for over an hour shows on the dashboard and is logged at Error.</summary>
public sealed class StuckCaseTests(SeededApp app) : IClassFixture<SeededApp>
{
    private static readonly DateTimeOffset Submitted = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(CaseStatus.Submitted, 61, true)]
    [InlineData(CaseStatus.Resubmitted, 120, true)]
    [InlineData(CaseStatus.Submitted, 59, false)]
    [InlineData(CaseStatus.UnderReview, 600, false)]
    [InlineData(CaseStatus.ReturnedForRectification, 600, false)]
    public void IsStuck_OnlyEngineStatusesOlderThanAnHour(CaseStatus status, int minutes, bool stuck)
    {
        var record = new CaseBuilder(TreeBuilder.Standard(), "wx2026", 2026, TreeBuilder.Unit1).InState(status, 1).UpdatedAt(Submitted).Build();

        Assert.Equal(stuck, CaseHealth.IsStuck(record, Submitted.AddMinutes(minutes)));
    }

    [Fact]
    public async Task StuckSection_StuckCase_ListedByUnitNameWithoutIds_NoneWhenHealthy()
    {
        var stuck = new CaseBuilder(TreeBuilder.Standard(), "wx2026", 2026, TreeBuilder.Unit1).InState(CaseStatus.Submitted, 1).UpdatedAt(Submitted).Build();
        var healthy = new CaseBuilder(TreeBuilder.Standard(), "wx2026", 2026, TreeBuilder.Unit2).InState(CaseStatus.UnderReview, 1).UpdatedAt(Submitted).Build();

        var html = await StuckSectionAsync([stuck, healthy]);

        Assert.Contains("系统处理异常", html, StringComparison.Ordinal);
        Assert.Contains($">{stuck.UnitName}</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(healthy.UnitName + "<", html, StringComparison.Ordinal);
        Assert.Contains("已等待 3 小时以上", html, StringComparison.Ordinal);
        Assert.DoesNotContain("系统处理异常", await StuckSectionAsync([healthy]), StringComparison.Ordinal);
    }

    private static Task<string> StuckSectionAsync(IEnumerable<CaseRecord> cases) =>
        RazorPage.Of<GuanGong.Functions.Pages.Components.StuckCases>("统计", new GuanGong.Functions.Pages.Components.StuckCases.Data("wx2026", cases, Submitted.AddHours(3), null)).RenderAsync();

    [Fact]
    public async Task ReportStuckAsync_CaseSubmittedTwoHoursAgoWithoutWorkflow_LoggedAtErrorWithCaseId()
    {
        var campaignId = SeededApp.NewCampaignId();
        var stuck = await app.SeedAsync(app.Case(campaignId, TreeBuilder.Unit1).InState(CaseStatus.Submitted, 1).SubmittedAt(Submitted).UpdatedAt(Submitted));
        await app.SeedAsync(app.Case(campaignId, TreeBuilder.Unit2).InState(CaseStatus.Submitted, 1).SubmittedAt(Submitted.AddHours(2)).UpdatedAt(Submitted.AddHours(2)));
        var logs = new Lines();
        var reconciler = new DecisionReconciler(
            app.Services.GetRequiredService<AppTables>(), app.Services.GetRequiredService<CaseStore>(), new FakeTimeProvider(Submitted.AddHours(2).AddMinutes(5)), logs);

        var count = await reconciler.ReportStuckAsync(app.App.Engine, CancellationToken.None);

        Assert.True(count >= 1);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains(stuck.CaseId, StringComparison.Ordinal) && e.Message.Contains("stuck", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains(CaseIdOf(campaignId, TreeBuilder.Unit2), StringComparison.Ordinal));
    }

    private static string CaseIdOf(string campaignId, string unit) => CaseIds.For(campaignId, 2026, unit);

    private sealed class Lines : ILogger<DecisionReconciler>
    {
        public List<(LogLevel Level, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Entries)
            {
                Entries.Add((logLevel, formatter(state, exception)));
            }
        }
    }
}
