using System.Diagnostics;
using GuanGong.Testing;

namespace GuanGong.LocalStack.Tests;

public sealed class AzuriteProcessTests
{
    [Fact]
    public async Task StartAsync_InMemoryOnFreePorts_AllThreeServicesAnswerAndStopLeavesNoProcess()
    {
        var azurite = await AzuriteProcess.StartAsync(new AzuriteOptions());
        var pid = azurite.ProcessId;
        var ports = new[] { azurite.Endpoints.Blob.Port, azurite.Endpoints.Queue.Port, azurite.Endpoints.Table.Port };
        Assert.Equal(3, ServiceProcesses(ports).Count); // one node process per service, each the guard's child

        Assert.Equal(3, ports.Distinct().Count());
        Assert.DoesNotContain(10000, ports);
        using (var http = new HttpClient())
        {
            foreach (var endpoint in new[] { azurite.Endpoints.Blob, azurite.Endpoints.Queue, azurite.Endpoints.Table })
            {
                using var response = await http.GetAsync(endpoint);
                Assert.InRange((int)response.StatusCode, 400, 499); // unauthenticated or incomplete, but up
            }
        }

        var stopwatch = Stopwatch.StartNew();
        await azurite.DisposeAsync();

        Assert.False(ProcessTable.IsAlive(pid));
        Assert.Empty(ServiceProcesses(ports));
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), $"graceful stop took {stopwatch.Elapsed}");
    }

    [Fact]
    public async Task Queue_MessagesExpireAndAreDeletedAsInAzure_WithTheSweepRemovingOnlyWhatExpired()
    {
        // tools/azurite-service.js replaces Azurite's expired-message sweep (run before every receive, delete and
        // update) and its extent removal with cheaper ones: the queue must behave as before.
        await using var azurite = await AzuriteProcess.StartAsync(new AzuriteOptions());
        var queue = new Azure.Storage.Queues.QueueClient(azurite.Endpoints.ConnectionString, "expiry");
        await queue.CreateAsync();
        await queue.SendMessageAsync("short-lived", timeToLive: TimeSpan.FromSeconds(1));
        await queue.SendMessageAsync("kept");
        await queue.SendMessageAsync("also kept", visibilityTimeout: TimeSpan.FromSeconds(30));

        // Peek (which sweeps too) until the short-lived message has expired.
        var deadline = Stopwatch.StartNew();
        string[] seen;
        do
        {
            var peeked = (await queue.PeekMessagesAsync(maxMessages: 32)).Value;
            seen = [.. peeked.Select(m => m.MessageText).Order(StringComparer.Ordinal)];
            await Task.Delay(200);
        }
        while (seen.Contains("short-lived") && deadline.Elapsed < TimeSpan.FromSeconds(20));

        Assert.Equal(["kept"], seen);
        var kept = Assert.Single((await queue.ReceiveMessagesAsync(maxMessages: 32)).Value);
        Assert.Equal("kept", kept.MessageText);
        await queue.DeleteMessageAsync(kept.MessageId, kept.PopReceipt);
        Assert.Empty((await queue.ReceiveMessagesAsync(maxMessages: 32)).Value);
        Assert.Equal(1, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount); // the invisible one: the expired one was removed
    }

    [Fact]
    public async Task StartAsync_TwoInstances_GetDifferentPorts()
    {
        await using var first = await AzuriteProcess.StartAsync(new AzuriteOptions());
        await using var second = await AzuriteProcess.StartAsync(new AzuriteOptions());

        Assert.NotEqual(first.Endpoints.Blob.Port, second.Endpoints.Blob.Port);
        Assert.NotEqual(first.ProcessId, second.ProcessId);
    }

    [Fact]
    public async Task StartAsync_NodeMissing_ThrowsMessageThatSaysHowToInstall()
    {
        var error = await Assert.ThrowsAsync<LocalStackException>(
            () => AzuriteProcess.StartAsync(new AzuriteOptions { NodeExecutable = "/nonexistent/bin/node" }));

        Assert.Contains("Node.js was not found", error.Message, StringComparison.Ordinal);
        Assert.Contains("npm ci", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_AzuriteNotInstalled_ThrowsMessageThatSaysRunNpmCi()
    {
        var emptyRoot = Directory.CreateTempSubdirectory("gg-root").FullName;

        var error = await Assert.ThrowsAsync<LocalStackException>(
            () => AzuriteProcess.StartAsync(new AzuriteOptions { RepositoryRoot = emptyRoot }));

        Assert.Contains("npm ci", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_WithLocation_PersistsDataAcrossRestart()
    {
        var workspace = Directory.CreateTempSubdirectory("gg-azurite").FullName;
        var ports = FreePorts.Take(3);
        var options = new AzuriteOptions { BlobPort = ports[0], QueuePort = ports[1], TablePort = ports[2], Location = workspace };

        await using (var first = await AzuriteProcess.StartAsync(options))
        {
            await first.StopAsync();
        }

        Assert.NotEmpty(Directory.EnumerateFileSystemEntries(workspace));
        await using var second = await AzuriteProcess.StartAsync(options);
        Assert.True(second.IsRunning);
    }

    [Fact]
    public async Task Guard_OwnerKilledWithSigkill_AzuriteExitsOnItsOwn()
    {
        var root = RepositoryRoot.Find()!;
        var ports = FreePorts.Take(3);
        // bash owns the write end of the guard's stdin pipe (fd 3); `sleep` must not inherit it, or
        // the pipe would stay open after bash dies.
        var script =
            $"exec 3> >(exec node tools/azurite-guard.js --inMemoryPersistence --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 " +
            $"--blobPort {ports[0]} --queuePort {ports[1]} --tablePort {ports[2]} --silent >/dev/null 2>&1); echo $!; sleep 600 3>&-";
        var owner = new ProcessStartInfo("bash") { WorkingDirectory = root, RedirectStandardOutput = true, UseShellExecute = false };
        owner.ArgumentList.Add("-c");
        owner.ArgumentList.Add(script);
        using var bash = Process.Start(owner)!;
        var guardPid = int.Parse(await bash.StandardOutput.ReadLineAsync() ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        await WaitUntilAsync(() => Answers(ports[0]), TimeSpan.FromSeconds(30));

        bash.Kill(entireProcessTree: false); // SIGKILL to the owner only
        await bash.WaitForExitAsync();

        await WaitUntilAsync(() => Task.FromResult(!ProcessTable.IsAlive(guardPid)), TimeSpan.FromSeconds(15));
        Assert.False(ProcessTable.IsAlive(guardPid));
        await WaitUntilAsync(() => Task.FromResult(ServiceProcesses(ports).Count == 0), TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task Guard_KilledWithSigkill_ItsServicesExitOnTheirOwn()
    {
        var azurite = await AzuriteProcess.StartAsync(new AzuriteOptions());
        var ports = new[] { azurite.Endpoints.Blob.Port, azurite.Endpoints.Queue.Port, azurite.Endpoints.Table.Port };
        var services = ServiceProcesses(ports);
        Assert.Equal(3, services.Count);

        using (var guard = Process.GetProcessById(azurite.ProcessId))
        {
            guard.Kill(entireProcessTree: false); // the guard alone: its IPC channels close, the services must notice
            await guard.WaitForExitAsync();
        }

        await WaitUntilAsync(() => Task.FromResult(services.All(p => !ProcessTable.IsAlive(p))), TimeSpan.FromSeconds(15));
        Assert.Empty(ServiceProcesses(ports));
        await azurite.DisposeAsync();
    }

    /// <summary>The live node processes serving any of these ports (found by their command lines).</summary>
    private static List<int> ServiceProcesses(IEnumerable<int> ports)
    {
        var wanted = ports.Select(p => p.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
        return ProcessTable.Matching(argv => argv.Any(a => a.EndsWith("azurite-service.js", StringComparison.Ordinal)) && argv.Any(wanted.Contains))
            .Where(ProcessTable.IsAlive)
            .ToList();
    }

    private static async Task<bool> Answers(int port)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(1) };
        try
        {
            using var _ = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/devstoreaccount1"));
            return true;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var stopwatch = Stopwatch.StartNew();
        while (!await condition())
        {
            if (stopwatch.Elapsed > timeout)
            {
                throw new TimeoutException("Condition not met in time.");
            }

            await Task.Delay(100);
        }
    }
}
