using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using GuanGong.Testing;

namespace GuanGong.LocalHost.Tests;

/// <summary>The host as a child process: `GuanGong.LocalHost --app SampleApp.dll`, starting its own Azurite.</summary>
public sealed partial class ExeProcessTests
{
    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task Exe_Signal_AnsweredThenExitsCleanlyLeavingNoAzurite(string signal)
    {
        var workspace = Directory.CreateTempSubdirectory("localhost-exe-").FullName;
        var port = FreePort();
        var output = new StringBuilder();
        using var process = new Process
        {
            StartInfo = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                ArgumentList =
                {
                    Metadata("LocalHostDll"), "--app", Metadata("SampleAppDll"), "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    "--azurite-ports", "free", "--azurite-workspace", workspace,
                    "--set", "AzureFunctionsJobHost:extensions:durableTask:hubName=" + SharedAzurite.UniqueName("exe"),
                    "--set", "AzureFunctionsJobHost:extensions:durableTask:storageProvider:partitionCount=1",
                },
            },
        };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(5) };
            var greeting = await WaitForAnswerAsync(client, "api/greetings/exe", process, output);
            var azuritePid = int.Parse(AzuritePid().Match(Snapshot(output)).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

            Assert.Contains("Hello, exe", greeting, StringComparison.Ordinal);
            Assert.True(ProcessTable.IsAlive(azuritePid));

            using (var kill = Process.Start("kill", ["-s", signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            // The host bounds its Durable worker's graceful stop at 30 s (what is left is redelivered later), then
            // stops Azurite: a loaded machine may use that bound, so the exit gets it plus Azurite's stop.
            using var exited = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await process.WaitForExitAsync(exited.Token);
            }
            catch (OperationCanceledException)
            {
                var ignored = signal == "INT" && SigIntIgnoredHere() ? " SIGINT is ignored in this test process, and so in the host it started (a non-interactive shell started the test run in the background), so the host never saw the signal." : string.Empty;
                Assert.Fail($"The host did not exit within 60 s of SIG{signal}.{ignored} Its output:\n{Snapshot(output)}");
            }

            Assert.Equal(0, process.ExitCode);
            Assert.False(ProcessTable.IsAlive(azuritePid), Snapshot(output));
            Assert.Empty(ProcessTable.Matching(argv => argv.Any(a => a.Contains(workspace, StringComparison.Ordinal))));
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            Directory.Delete(workspace, recursive: true);
        }
    }

    // Bit 1 (SIGINT) of the ignored-signal mask the kernel reports: a process inherits it, and .NET leaves an ignored SIGINT ignored.
    private static bool SigIntIgnoredHere() =>
        File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal)) is { } line
        && (Convert.ToUInt64(line["SigIgn:".Length..].Trim(), 16) & 0x2) != 0;

    private static async Task<string> WaitForAnswerAsync(HttpClient client, string path, Process process, StringBuilder output)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(120))
        {
            Assert.False(process.HasExited, Snapshot(output));
            try
            {
                using var response = await client.GetAsync(path);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return await response.Content.ReadAsStringAsync();
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
            }

            await Task.Delay(250);
        }

        throw new TimeoutException("The host did not answer: " + Snapshot(output));
    }

    private static string Metadata(string key) =>
        typeof(ExeProcessTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    [GeneratedRegex(@"Azurite \(pid (\d+)\) is ready")]
    private static partial Regex AzuritePid();
}
