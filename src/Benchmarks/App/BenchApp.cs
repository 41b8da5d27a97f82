using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using GuanGong.Functions.Hosting;
using GuanGong.Functions.Records;
using GuanGong.LocalStack;
using GuanGong.LocalStack.Mail;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace GuanGong.Benchmarks.App;

/// <summary>
/// The real app (AppHost.Build) in this process on a free loopback port, against the run's
/// Azurite with its own tables and task hub, writing mail as .eml files into a temp folder.
/// Benchmarks talk to it over HTTP, as clients would.
/// </summary>
public sealed class BenchApp : IAsyncDisposable
{
    public const string AdminKey = "bench-admin-key";

    private readonly WebApplication _app;

    private BenchApp(WebApplication app, Uri baseAddress, string mailFolder)
    {
        _app = app;
        MailFolder = mailFolder;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(10) };
    }

    public HttpClient Client { get; }

    public string MailFolder { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>The one counter every storage client of the app and its engine shares.</summary>
    public StorageRequestCounter Requests => Services.GetRequiredService<AppStorage>().RequestCounter;

    public static async Task<BenchApp> StartAsync(BenchmarkContext context, IReadOnlyDictionary<string, string?>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var port = FreePorts.Take(1)[0];
        var mailFolder = Directory.CreateTempSubdirectory("gg-bench-mail").FullName;
        var overrides = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = context.ConnectionString,
            ["GuanGong:Port"] = port.ToString(CultureInfo.InvariantCulture),
            ["GuanGong:Profile"] = "Local",
            ["GuanGong:Mail:Delivery"] = "Pickup",
            ["GuanGong:Mail:PickupDirectory"] = mailFolder,
            ["GuanGong:AdminKey"] = AdminKey,
            ["GuanGong:Links:SigningKeys:Current"] = "bench:" + Convert.ToBase64String(new byte[32]),
            ["GuanGong:Storage:TablePrefix"] = "b" + Guid.NewGuid().ToString("N")[..10],
            ["AzureFunctionsJobHost:extensions:durableTask:hubName"] = "h" + Guid.NewGuid().ToString("N")[..10],
            ["Logging:LogLevel:Default"] = "Warning",
            // The benchmarks run from the repository root, where there is no wwwroot; pages are not measured.
            ["Logging:LogLevel:Microsoft.AspNetCore.StaticFiles"] = "Error",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            overrides[key] = value;
        }

        var app = AppHost.Build([], overrides);
        await app.StartAsync();
        var bench = new BenchApp(app, new Uri($"http://127.0.0.1:{port}"), mailFolder);
        await bench.WaitUntilReadyAsync();
        return bench;
    }

    public async Task<HttpResponseMessage> AdminPostAsync(string path, string body, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        request.Headers.Add("X-Admin-Key", AdminKey);
        return await Client.SendAsync(request);
    }

    public async Task<HttpResponseMessage> AdminGetAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add("X-Admin-Key", AdminKey);
        return await Client.SendAsync(request);
    }

    public static HttpRequestMessage WithBearer(HttpRequestMessage request, string token)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    /// <summary>Waits for a mail matching <paramref name="match"/> in the pickup folder.</summary>
    public async Task<MailFile> WaitForMailAsync(Func<MailFile, bool> match, TimeSpan? timeout = null, ISet<string>? skip = null)
    {
        var deadline = TimeProvider.System.GetUtcNow() + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            foreach (var path in Directory.EnumerateFiles(MailFolder, "*.eml"))
            {
                if (skip?.Contains(path) == true)
                {
                    continue;
                }

                var mail = TryLoad(path);
                if (mail is not null && match(mail))
                {
                    skip?.Add(path);
                    return mail;
                }
            }

            if (TimeProvider.System.GetUtcNow() > deadline)
            {
                throw new TimeoutException("No matching mail arrived in " + MailFolder);
            }

            await Task.Delay(50);
        }
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
            // A mail being written as the app stops; the temp folder is left for the OS to clear.
        }
    }

    private static MailFile? TryLoad(string path)
    {
        try
        {
            return MailFile.Load(path);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            using var response = await AdminGetAsync("/api/campaigns/none");
            if ((int)response.StatusCode != 503)
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The app did not become ready.");
    }
}
