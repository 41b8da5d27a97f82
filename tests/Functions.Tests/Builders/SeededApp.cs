using System.Net.Http.Headers;
using GuanGong.Domain.Links;
using GuanGong.Functions.Campaigns;
using GuanGong.Functions.Cases;
using GuanGong.Functions.Http;
using GuanGong.Functions.Organisations;
using GuanGong.Functions.Records;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;

namespace GuanGong.Functions.Tests.Builders;

/// <summary>
/// The real app with the shared test tree loaded, an admin key, a fixed link key and a small ledger
/// limit (1 MiB), plus the helpers tests use to seed cases and to act as each kind of caller.
/// One per test class (an xunit class fixture); tests isolate themselves by unique campaign ids.
/// </summary>
public sealed class SeededApp : IAsyncLifetime
{
    public const string AdminKey = "test-admin";
    public const long LedgerLimit = 1024 * 1024;

    private RunningApp? _app;

    internal RunningApp App => _app ?? throw new InvalidOperationException("The app has not started.");

    public HttpClient Client => App.Client;

    public IServiceProvider Services => App.Services;

    public LinkKeyRing Ring => Services.GetRequiredService<LinkKeyRing>();

    public BlobContainerClient Ledgers => Services.GetRequiredService<AppStorage>().Blobs.GetBlobContainerClient(StorageInitializer.LedgerContainer);

    public async Task InitializeAsync()
    {
        _app = await RunningApp.StartAsync(new Dictionary<string, string?>
        {
            ["GuanGong:AdminKey"] = AdminKey,
            ["GuanGong:Links:SigningKeys:Current"] = "test-key:" + Convert.ToBase64String(new byte[32].Select((_, i) => (byte)(i * 7 + 1)).ToArray()),
            ["GuanGong:Ledgers:MaxBytes"] = LedgerLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        await Services.GetRequiredService<CommitteeDirectory>().ReplaceAsync(TreeBuilder.Standard(), CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    public static string NewCampaignId() => GuanGong.Testing.SharedAzurite.UniqueName("camp");

    internal CaseBuilder Case(string campaignId, string unitCode, int year = 2026) => new(TreeBuilder.Standard(), campaignId, year, unitCode);

    internal async Task<CaseRecord> SeedAsync(CaseBuilder builder)
    {
        var record = builder.Build();
        Assert.True(await Services.GetRequiredService<CaseStore>().TryAddAsync(record, CancellationToken.None));
        return record;
    }

    internal async Task SeedCampaignAsync(CampaignRecord campaign) =>
        Assert.True(await Services.GetRequiredService<CampaignStore>().TryAddAsync(campaign, CancellationToken.None));

    public Task<string> ApiKeyForAsync(string committeeCode) =>
        Services.GetRequiredService<ApiKeyStore>().IssueAsync(committeeCode, DateTimeOffset.UnixEpoch, CancellationToken.None);

    /// <summary>A reviewer's task link for a case (stage 1 and up), valid until <paramref name="expiresAt"/>.</summary>
    public string ReviewerLink(string caseId, DateTimeOffset expiresAt, int stage = 1) =>
        ApprovalTokens.Issue(new ApprovalTokenClaims(caseId, stage, "reviewer@lg-t1.example.cn", ApprovalActions.View | ApprovalActions.Approve, expiresAt, ApprovalTokens.NewNonce()), Ring);

    /// <summary>The link of the first assignee of <paramref name="record"/>'s open task (a task link reads the case only while its task is open).</summary>
    internal string OpenTaskLink(CaseRecord record, DateTimeOffset expiresAt)
    {
        var task = record.Task ?? throw new InvalidOperationException("The case has no open task.");
        var assignee = task.Assignees[0];
        return ApprovalTokens.Issue(new ApprovalTokenClaims(record.CaseId, task.Stage, assignee.Email, ApprovalActions.View | ApprovalActions.Approve, expiresAt, assignee.Nonce), Ring);
    }

    public static HttpRequestMessage Request(HttpMethod method, string path, string? adminKey = null, string? apiKey = null, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content };
        if (adminKey is not null)
        {
            request.Headers.Add(AccessKeys.AdminKeyHeader, adminKey);
        }

        if (apiKey is not null)
        {
            request.Headers.Add(Access.ApiKeyHeader, apiKey);
        }

        return request;
    }

    public static ByteArrayContent Bytes(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return content;
    }

    public async Task<IReadOnlyList<string>> BlobNamesAsync(string prefix)
    {
        var names = new List<string>();
        await foreach (var blob in Ledgers.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = prefix }))
        {
            names.Add(blob.Name);
        }

        return names;
    }
}
