using GuanGong.LocalHost.Configuration;
using GuanGong.LocalHost.Metadata;
using GuanGong.LocalHost.Timers;
using Microsoft.Extensions.Configuration;

namespace GuanGong.LocalHost.Tests;

public sealed class UnitTests
{
    [Fact]
    public void Parse_FunctionsMetadata_BindingsAndTrigger()
    {
        const string json = """
            [{"name":"F","scriptFile":"A.dll","entryPoint":"N.C.M","language":"dotnet-isolated",
              "bindings":[{"name":"req","direction":"In","type":"httpTrigger","authLevel":"Function","methods":["get","post"],"route":"x/{id:int}"},
                          {"name":"$return","type":"http","direction":"Out"}]}]
            """;

        var function = Assert.Single(FunctionMetadataFile.Parse(json));

        Assert.Equal("N.C.M", function.EntryPoint);
        Assert.Equal("x/{id:int}", function.Trigger!.Route);
        Assert.Equal(["get", "post"], function.Trigger.Methods);
        Assert.Equal("Function", function.Trigger.AuthLevel);
        Assert.Equal("Out", function.BindingFor("$return")!.Direction);
    }

    [Fact]
    public void Read_LocalSettings_ValuesConnectionStringsAndPort()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, """
            { "IsEncrypted": false, // comment
              "Values": { "A__B": "1", "C": "two", "N": 3 },
              "ConnectionStrings": { "Db": "x=y" },
              "Host": { "LocalHttpPort": 7080 } }
            """);
        try
        {
            var settings = LocalSettingsFile.Read(path);

            Assert.Equal("1", settings.Values["A:B"]);
            Assert.Equal("two", settings.Values["C"]);
            Assert.Equal("3", settings.Values["N"]);
            Assert.Equal("x=y", settings.Values["ConnectionStrings:Db"]);
            Assert.Equal(7080, settings.LocalHttpPort);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Read_HostJson_PrefixDefaultsToApiAndOverrideWins()
    {
        var folder = Directory.CreateTempSubdirectory().FullName;
        try
        {
            var none = HostJsonFile.Read(folder, new ConfigurationBuilder().Build());
            File.WriteAllText(Path.Combine(folder, "host.json"), """{ "version": "2.0", "extensions": { "http": { "routePrefix": "v1" }, "durableTask": { "hubName": "H" } } }""");
            var file = HostJsonFile.Read(folder, new ConfigurationBuilder().Build());
            var overridden = HostJsonFile.Read(folder, new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["AzureFunctionsJobHost:extensions:http:routePrefix"] = "" })
                .Build());

            Assert.Equal("api", none.RoutePrefix);
            Assert.Equal("v1", file.RoutePrefix);
            Assert.Equal("H", file.Configuration["extensions:durableTask:hubName"]);
            Assert.Equal("", overridden.RoutePrefix);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("*/2 * * * * *", "2026-01-05T09:00:00", "2026-01-05T09:00:02")]
    [InlineData("0 */5 * * * *", "2026-01-05T09:01:00", "2026-01-05T09:05:00")]
    [InlineData("0 9 * * 1-5", "2026-01-05T09:00:00", "2026-01-06T09:00:00")]
    [InlineData("%Sched%", "2026-01-05T09:00:00", "2026-01-05T10:00:00")]
    public void Parse_TimerSchedule_NextOccurrence(string schedule, string after, string expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Sched"] = "0 0 * * * *" }).Build();

        var parsed = TimerSchedule.Parse("F", schedule, configuration);

        Assert.Equal(DateTime.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), parsed.Next(DateTime.Parse(after, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Parse_TimerScheduleMissingSetting_Throws()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => TimerSchedule.Parse("F", "%Nope%", new ConfigurationBuilder().Build()));

        Assert.Contains("Nope", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CommandLine_OptionsAndAppArgs()
    {
        var options = LocalHostCommand.Parse(["--app", "a.dll", "--port", "0", "--azurite-ports", "free", "--set", "K=V=W", "--", "x"]);

        Assert.Equal("a.dll", options.AppPath);
        Assert.Equal(0, options.Port);
        Assert.True(options.StartAzurite);
        Assert.Equal(AzuritePorts.Free, options.AzuritePorts);
        Assert.Equal("V=W", options.Settings["K"]);
        Assert.Equal(["x"], options.Args);
        Assert.Throws<ArgumentException>(() => LocalHostCommand.Parse(["--port", "1"]));
    }
}
