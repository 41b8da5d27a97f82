using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json.Nodes;
using GuanGong.LocalStack;

namespace GuanGong.Functions.Tests.CustomHandler;

/// <summary>
/// Runs the documented publish command and checks the folder against the custom-handler layout:
/// host.json at the root, one folder per function holding its function.json, and the executable
/// host.json names (self-contained linux-x64, so the Functions host needs no .NET installed).
/// </summary>
public sealed class PublishLayoutTests
{
    [Fact]
    public async Task PublishScript_ProducesTheCustomHandlerLayoutAndZip()
    {
        var root = RepositoryRoot.Find()!;
        var output = Directory.CreateTempSubdirectory("gg-publish").FullName;
        var start = new ProcessStartInfo("bash") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("scripts/publish.sh");
        start.ArgumentList.Add(output);
        using var publish = Process.Start(start)!;
        var log = await publish.StandardOutput.ReadToEndAsync() + await publish.StandardError.ReadToEndAsync();
        await publish.WaitForExitAsync();
        Assert.True(publish.ExitCode == 0, log);

        var app = Path.Combine(output, "app");
        var hostJson = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(app, "host.json")))!;
        var executable = Path.Combine(app, hostJson["customHandler"]!["description"]!["defaultExecutablePath"]!.GetValue<string>());
        Assert.True(File.Exists(executable), $"{executable} is missing");
        Assert.True(OperatingSystem.IsWindows() || (File.GetUnixFileMode(executable) & UnixFileMode.UserExecute) != 0, "the handler is not executable");
        Assert.True(File.Exists(Path.Combine(app, "handler", "libcoreclr.so")), "the handler is not self-contained for linux-x64");
        var functions = Directory.GetDirectories(app).Where(d => Path.GetFileName(d) != "handler").ToList();
        Assert.True(functions.Count >= 20, $"only {functions.Count} function folders");
        Assert.All(functions, f => Assert.True(File.Exists(Path.Combine(f, "function.json")), $"{f} has no function.json"));
        Assert.Contains(functions, f => Path.GetFileName(f) == "EngineControl00");
        Assert.Contains(functions, f => Path.GetFileName(f) == "ReconcileDecisions");

        using var zip = ZipFile.OpenRead(Path.Combine(output, "guangong.zip"));
        Assert.Contains(zip.Entries, e => e.FullName == "host.json");
        Assert.Contains(zip.Entries, e => e.FullName == "SubmitSelfAssessment/function.json");
        Assert.Contains(zip.Entries, e => e.FullName == "handler/GuanGong.Functions");
    }
}
