using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GuanGong.LocalHost.DurableFunctions;
using GuanGong.LocalHost.SampleApp;
using GuanGong.Testing;

namespace GuanGong.LocalHost.Tests;

/// <summary>The sample app on a local host with the DTFx backend on the shared Azurite, one task hub per host.</summary>
internal static class DurableSampleHost
{
    public static async Task<LocalFunctionsHost> StartAsync(Action<LocalHostOptions>? configure = null)
    {
        var azurite = await SharedAzurite.GetAsync();
        return await SampleHost.StartAsync(options =>
        {
            options.Durable = EngineDurableBackend.Factory;
            options.Settings["AzureWebJobsStorage"] = azurite.Endpoints.ConnectionString;
            options.Settings["AzureFunctionsJobHost:extensions:durableTask:hubName"] = SharedAzurite.UniqueName("hub");
            // One partition and a short polling back-off: a quick start and a prompt decision on a shared machine.
            options.Settings["AzureFunctionsJobHost:extensions:durableTask:storageProvider:partitionCount"] = "1";
            options.Settings["AzureFunctionsJobHost:extensions:durableTask:storageProvider:maxQueuePollingInterval"] = "00:00:01";
            configure?.Invoke(options);
        });
    }

    /// <summary>POSTs the approval; returns the Location the starter answered 202 with.</summary>
    public static async Task<Uri> StartApprovalAsync(HttpClient client, ApprovalRequest request)
    {
        using var response = await client.PostAsJsonAsync("api/approvals", request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return response.Headers.Location ?? throw new InvalidOperationException("No Location header");
    }

    public static async Task<JsonElement> WaitForStatusAsync(HttpClient client, Uri location, string status, TimeSpan timeout, Action? onEachPoll = null)
    {
        using var deadline = new CancellationTokenSource(timeout);
        JsonElement body = default;
        while (!deadline.IsCancellationRequested)
        {
            onEachPoll?.Invoke();
            using var response = await client.GetAsync(location);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                body = await response.Content.ReadFromJsonAsync<JsonElement>();
                var current = body.GetProperty("runtimeStatus").GetString();
                if (current == status)
                {
                    return body;
                }

                Assert.NotEqual("Failed", current);
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"{location} did not reach {status} in {timeout}; last: {body}");
    }
}
