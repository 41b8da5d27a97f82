using System.Net;
using GuanGong.Testing;

namespace GuanGong.Reliability.Tests.Hardening;

/// <summary>
/// One running county for the access-hardening tests: village V1 has uploaded a ledger whose file
/// name names a child, submitted, and waits for its township reviewer.
/// </summary>
public sealed class HardenedCounty : IAsyncLifetime
{
    public const string ChildFileName = "张小明的花名册.pdf";

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));

    public RunningApp App { get; private set; } = null!;

    public string UnitToken { get; private set; } = null!;

    public string ReviewLink { get; private set; } = null!;

    public string CaseId { get; } = SampleCounty.CaseId("V1");

    public async Task InitializeAsync()
    {
        App = await RunningApp.StartAsync(new AppOptions { Time = Clock, MailOverSmtp = true });
        await App.Client.SetUpCountyAsync(RunningApp.AdminKey, villages: 1);
        UnitToken = await App.Smtp!.UnitTokenAsync("village1@example.cn");
        using (var upload = await App.Client.UploadLedgerAsync(CaseId, ChildFileName, LedgerUploads.Pdf("花名册"), bearer: UnitToken))
        {
            Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        }

        (await App.Client.SubmitAsync(UnitToken)).EnsureSuccessStatusCode();
        ReviewLink = await App.Smtp!.ReviewLinkAsync("town@example.cn", CaseId);
        await App.WaitForStatusAsync(CaseId, "UnderReview");
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    /// <summary>A client that neither follows redirects nor keeps cookies: it sees each answer as sent.</summary>
    public HttpClient RawClient() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = App.BaseAddress };
}
