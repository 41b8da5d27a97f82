using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using GuanGong.Functions.Hosting;
using GuanGong.LocalStack;
using GuanGong.LocalStack.Mail;
using GuanGong.Testing;

namespace GuanGong.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The real app on a free loopback port against the shared Azurite, in the local profile with pickup
/// mail delivery into its own temporary folder (what <c>/dev/mail</c> shows). The browser talks to it;
/// the test sets the county up through the admin API, as an administrator would.
/// </summary>
public sealed class PagesApp : IAsyncDisposable
{
    public const string AdminKey = "e2e-admin-key";

    private readonly WebApplication _app;

    private PagesApp(WebApplication app, Uri baseAddress, string mailFolder)
    {
        _app = app;
        BaseAddress = baseAddress;
        MailFolder = mailFolder;
        Client = new HttpClient { BaseAddress = baseAddress };
    }

    public Uri BaseAddress { get; }

    public string MailFolder { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<PagesApp> StartAsync()
    {
        var azurite = await SharedAzurite.GetAsync();
        var port = FreePorts.Take(1)[0];
        var mailFolder = Directory.CreateTempSubdirectory("gg-e2e-mail").FullName;
        var overrides = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.Endpoints.ConnectionString,
            ["GuanGong:Port"] = port.ToString(CultureInfo.InvariantCulture),
            ["GuanGong:Profile"] = "Local",
            // The fixture imports its own county: the demo seeder, racing it, could replace the tree.
            ["GuanGong:Demo:Seed"] = "false",
            ["GuanGong:Mail:Delivery"] = "Pickup",
            ["GuanGong:Mail:PickupDirectory"] = mailFolder,
            ["Logging:LogLevel:Default"] = "Warning",
            ["GuanGong:AdminKey"] = AdminKey,
            ["GuanGong:Storage:TablePrefix"] = "e" + Guid.NewGuid().ToString("N")[..10],
            ["AzureFunctionsJobHost:extensions:durableTask:hubName"] = "e" + Guid.NewGuid().ToString("N")[..10],
            ["AzureFunctionsJobHost:extensions:durableTask:maxQueuePollingInterval"] = "00:00:00.500",
            ["AzureFunctionsJobHost:extensions:durableTask:maxMessageDelay"] = "00:00:01",
        };
        var app = AppHost.Build([], overrides);
        await app.StartAsync();
        return new PagesApp(app, new Uri($"http://127.0.0.1:{port}"), mailFolder);
    }

    public string Url(string path) => new Uri(BaseAddress, path).ToString();

    public async Task AdminPostAsync(string path, string body, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        request.Headers.Add("X-Admin-Key", AdminKey);
        using var response = await Client.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public async Task<HttpStatusCode> CaseStatusCodeAsync(string caseId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/cases/{caseId}", UriKind.Relative));
        request.Headers.Add("X-Admin-Key", AdminKey);
        using var response = await Client.SendAsync(request);
        return response.StatusCode;
    }

    public async Task<JsonElement> CaseAsync(string caseId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/cases/{caseId}", UriKind.Relative));
        request.Headers.Add("X-Admin-Key", AdminKey);
        using var response = await Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    public async Task<JsonElement> WaitForCaseAsync(string caseId, string status)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var state = await CaseAsync(caseId);
            if (state.GetProperty("status").GetString() == status)
            {
                return state;
            }

            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(60), $"Case {caseId} did not reach {status}: {state}");
            await Task.Delay(200);
        }
    }

    /// <summary>Waits for a mail in the pickup folder (the orchestration sends them in the background).</summary>
    public async Task<MailFile> WaitForMailAsync(Func<MailFile, bool> match, IReadOnlyCollection<MailFile>? except = null)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            foreach (var file in Directory.EnumerateFiles(MailFolder, "*.eml"))
            {
                MailFile mail;
                try
                {
                    mail = MailFile.Load(file);
                }
                catch (IOException)
                {
                    continue; // still being written
                }

                if (match(mail) && (except is null || !except.Any(e => e.Raw == mail.Raw)))
                {
                    return mail;
                }
            }

            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(60), "The expected mail did not arrive.");
            await Task.Delay(200);
        }
    }

    public async Task<string> GetAsAdminAsync(string pathAndQuery)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(pathAndQuery, UriKind.Relative));
        request.Headers.Authorization = null;
        request.Headers.Add("X-Admin-Key", AdminKey);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        using var response = await Client.SendAsync(request);
        return await response.Content.ReadAsStringAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        try
        {
            Directory.Delete(MailFolder, recursive: true);
        }
        catch (IOException)
        {
            // A mail being written as the app stopped; the temp folder is cleaned by the OS.
        }
    }
}
