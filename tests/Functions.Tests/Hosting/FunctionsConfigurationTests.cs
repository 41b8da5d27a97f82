using System.Collections;
using GuanGong.Functions.Hosting;

namespace GuanGong.Functions.Tests.Hosting;

public sealed class FunctionsConfigurationTests
{
    [Fact]
    public void Apply_NothingConfigured_UsesEmbeddedLocalDefaults()
    {
        var configuration = CreateSut(localSettings: null, environment: new Hashtable());

        Assert.Equal("UseDevelopmentStorage=true", configuration["AzureWebJobsStorage"]);
        Assert.Equal("Local", configuration["GuanGong:Profile"]);
        Assert.Equal(7071, FunctionsConfiguration.Port(configuration));
    }

    [Fact]
    public void Apply_LocalSettingsValues_OverrideEmbeddedDefaults()
    {
        var configuration = CreateSut(
            """{ "IsEncrypted": false, "Values": { "AzureWebJobsStorage": "from-file", "GuanGong__Mail__From": "a@b.c" }, "Host": { "LocalHttpPort": 7199 } }""",
            environment: new Hashtable());

        Assert.Equal("from-file", configuration["AzureWebJobsStorage"]);
        Assert.Equal("a@b.c", configuration["GuanGong:Mail:From"]);
        Assert.Equal(7199, FunctionsConfiguration.Port(configuration));
    }

    [Fact]
    public void Apply_EnvironmentVariables_OverrideLocalSettings()
    {
        var configuration = CreateSut(
            """{ "Values": { "AzureWebJobsStorage": "from-file", "GuanGong:Mail:From": "file@x" } }""",
            environment: new Hashtable { ["AzureWebJobsStorage"] = "from-env", ["GuanGong__Mail__From"] = "env@x" });

        Assert.Equal("from-env", configuration["AzureWebJobsStorage"]);
        Assert.Equal("env@x", configuration["GuanGong:Mail:From"]);
    }

    [Fact]
    public void Apply_CustomHandlerPort_WinsOverLocalHttpPort()
    {
        var configuration = CreateSut(
            """{ "Host": { "LocalHttpPort": 7199 } }""",
            environment: new Hashtable { ["FUNCTIONS_CUSTOMHANDLER_PORT"] = "40123" });

        Assert.Equal(40123, FunctionsConfiguration.Port(configuration));
    }

    [Fact]
    public void Apply_ExplicitOverrides_WinOverEverything()
    {
        var configuration = CreateSut(
            """{ "Values": { "AzureWebJobsStorage": "from-file" } }""",
            environment: new Hashtable { ["AzureWebJobsStorage"] = "from-env" },
            overrides: new Dictionary<string, string?> { ["AzureWebJobsStorage"] = "from-test" });

        Assert.Equal("from-test", configuration["AzureWebJobsStorage"]);
    }

    [Fact]
    public void Apply_HostJson_IsReadUnderTheFunctionsHostPrefixAndAppSettingsOverrideIt()
    {
        var configuration = CreateSut(
            localSettings: null,
            environment: new Hashtable { ["AzureFunctionsJobHost__extensions__durableTask__storageProvider__partitionCount"] = "8" },
            hostJson: """{ "version": "2.0", "extensions": { "durableTask": { "hubName": "TestHub", "storageProvider": { "partitionCount": 4 } } } }""");

        Assert.Equal("TestHub", configuration["AzureFunctionsJobHost:extensions:durableTask:hubName"]);
        Assert.Equal("8", configuration["AzureFunctionsJobHost:extensions:durableTask:storageProvider:partitionCount"]);
    }

    [Fact]
    public void Apply_MalformedLocalSettings_ThrowsNamingTheFile()
    {
        var error = Assert.Throws<InvalidOperationException>(() => CreateSut("{ not json", environment: new Hashtable()));

        Assert.Contains("local.settings.json", error.Message, StringComparison.Ordinal);
    }

    private static ConfigurationManager CreateSut(
        string? localSettings,
        IDictionary environment,
        IReadOnlyDictionary<string, string?>? overrides = null,
        string hostJson = """{ "version": "2.0" }""")
    {
        var root = Directory.CreateTempSubdirectory("gg-config").FullName;
        File.WriteAllText(Path.Combine(root, "host.json"), hostJson);
        if (localSettings is not null)
        {
            File.WriteAllText(Path.Combine(root, "local.settings.json"), localSettings);
        }

        var configuration = new ConfigurationManager();
        FunctionsConfiguration.Apply(configuration, root, overrides, environment);
        return configuration;
    }
}
