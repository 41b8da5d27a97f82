using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using GuanGong.Functions.Hosting;
using GuanGong.Functions.Records;
using GuanGong.LocalHost;
using GuanGong.LocalHost.DurableFunctions;
using GuanGong.LocalStack;
using GuanGong.LocalStack.Mail;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace GuanGong.Benchmarks.App;

/// <summary>
/// The real function app, run by the local host (<see cref="LocalFunctionsHost"/>: HTTP from
/// functions.metadata, orchestrations on DTFx over the run's Azurite) in this process on a free
/// loopback port, with its own tables and task hub, writing mail as .eml files into a temp folder.
/// Benchmarks talk to it over HTTP, as clients would. The app's storage requests are counted by its
/// own <c>AppStorage.RequestCounter</c>, the Durable engine's (worker and client) by
/// <see cref="EngineRequests"/>.
/// </summary>
public sealed class BenchApp : IAsyncDisposable
{
    public const string AdminKey = "bench-admin-key";

    private readonly LocalFunctionsHost _host;

    private BenchApp(LocalFunctionsHost host, string mailFolder, StorageRequestCounter engineRequests, string hubName)
    {
        _host = host;
        MailFolder = mailFolder;
        EngineRequests = engineRequests;
        HubName = hubName;
        Client = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromMinutes(10) };
    }

    public HttpClient Client { get; }

    public string MailFolder { get; }

    public string HubName { get; }

    /// <summary>The Durable client the host hands to <c>[DurableClient]</c> parameters.</summary>
    public DurableTaskClient Engine => _host.DurableClient ?? throw new InvalidOperationException("The host runs no Durable engine.");

    /// <summary>The app's own services (what its Program.cs registered).</summary>
    public IServiceProvider Services => _host.Services;

    /// <summary>The app's own storage requests (its tables, blobs and the health probe's queue).</summary>
    public StorageRequestCounter Requests => Services.GetRequiredService<AppStorage>().RequestCounter;

    /// <summary>The Durable engine's storage requests: the worker's and the client's (starts, events).</summary>
    public StorageRequestCounter EngineRequests { get; }

    /// <summary>Both counters at zero.</summary>
    public void ResetCounts()
    {
        Requests.Reset();
        EngineRequests.Reset();
    }

    /// <summary>App and engine requests so far, as one total.</summary>
    public long TotalRequests => Requests.Total + EngineRequests.Total;

    public static async Task<BenchApp> StartAsync(BenchmarkContext context, BenchAppOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        options ??= new BenchAppOptions();
        var mailFolder = Directory.CreateTempSubdirectory("gg-bench-mail").FullName;
        var hubName = "h" + Guid.NewGuid().ToString("N")[..10];
        var engineRequests = new StorageRequestCounter();
        var port = FreePorts.Take(1)[0];
        var hostOptions = new LocalHostOptions
        {
            AppAssembly = typeof(AppComposition).Assembly,
            Port = port,
            UseLocalSettings = false,
            RunDurableWorker = options.RunDurableWorker,
            Durable = EngineDurableBackend.With(engine =>
            {
                engine.StoragePolicies.Add(new EndpointCountingPolicy(engineRequests, context.ConnectionString));
                if (options.Steps is { } steps)
                {
                    engine.OrchestrationMiddleware.Add((_, next) =>
                    {
                        steps.Begin("orchestration episode");
                        return next();
                    });
                    engine.ActivityMiddleware.Add((ctx, next) =>
                    {
                        steps.Begin("activity " + (ctx.GetProperty<DurableTask.Core.History.TaskScheduledEvent>()?.Name ?? "?"));
                        return next();
                    });
                }
            }),
        };
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            [AppComposition.StorageSetting] = context.ConnectionString,
            ["WEBSITE_HOSTNAME"] = $"127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}",
            ["GuanGong:Profile"] = "Local",
            ["GuanGong:Mail:Delivery"] = "Pickup",
            ["GuanGong:Mail:PickupDirectory"] = mailFolder,
            ["GuanGong:AdminKey"] = AdminKey,
            ["GuanGong:Demo:Seed"] = "false",
            ["GuanGong:Links:SigningKeys:Current"] = "bench:" + Convert.ToBase64String(new byte[32]),
            ["GuanGong:Storage:TablePrefix"] = "b" + Guid.NewGuid().ToString("N")[..10],
            // Each app its own task hub; everything else of durableTask comes from host.json as deployed.
            ["AzureFunctionsJobHost:extensions:durableTask:hubName"] = hubName,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:Console:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in context.Settings.Concat(options.Settings))
        {
            settings[key] = value;
        }

        foreach (var (key, value) in settings)
        {
            hostOptions.Settings[key] = value;
        }

        var host = await LocalFunctionsHost.StartAsync(hostOptions);
        var bench = new BenchApp(host, mailFolder, engineRequests, hubName);
        try
        {
            await bench.WaitUntilReadyAsync();
            return bench;
        }
        catch
        {
            await bench.DisposeAsync();
            throw;
        }
    }

    public async Task<HttpResponseMessage> AdminPostAsync(string path, string body, string contentType = "application/json", CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        request.Headers.Add("X-Admin-Key", AdminKey);
        return await Client.SendAsync(request, cancellationToken);
    }

    public async Task<HttpResponseMessage> AdminGetAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add("X-Admin-Key", AdminKey);
        return await Client.SendAsync(request);
    }

    /// <summary>The case's 受理编号 as the status function shows it (the mails quote it).</summary>
    public async Task<string> ReceiptNumberAsync(string caseId)
    {
        using var response = await AdminGetAsync($"/api/cases/{Uri.EscapeDataString(caseId)}");
        response.EnsureSuccessStatusCode();
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("receiptNumber").GetString()!;
    }

    public static HttpRequestMessage WithBearer(HttpRequestMessage request, string token)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    /// <summary>Waits for a mail matching <paramref name="match"/> in the pickup folder.</summary>
    public async Task<MailFile> WaitForMailAsync(Func<MailFile, bool> match, TimeSpan? timeout = null, ISet<string>? skip = null, TimeSpan? pollEvery = null)
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

            await Task.Delay(pollEvery ?? TimeSpan.FromMilliseconds(50));
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _host.DisposeAsync();
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
