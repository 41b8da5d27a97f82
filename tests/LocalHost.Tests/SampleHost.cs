using GuanGong.LocalHost.SampleApp;

namespace GuanGong.LocalHost.Tests;

/// <summary>Starts the sample app on a local host with a free port.</summary>
internal static class SampleHost
{
    public static Task<LocalFunctionsHost> StartAsync(Action<LocalHostOptions>? configure = null)
    {
        var options = new LocalHostOptions { AppAssembly = typeof(SampleServices).Assembly, Port = 0 };
        configure?.Invoke(options);
        return LocalFunctionsHost.StartAsync(options);
    }

    public static HttpClient Client(this LocalFunctionsHost host) => new() { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
}
