using System.Globalization;
using System.Runtime.InteropServices;
using GuanGong.LocalHost.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GuanGong.LocalHost;

/// <summary>
/// The command line: <c>GuanGong.LocalHost --app path/to/App.dll [--port N] [--no-azurite]
/// [--azurite-ports default|free] [--azurite-workspace DIR] [--set Key=Value]... [-- app args]</c>.
/// Runs until Ctrl+C / SIGTERM, then stops everything it started (Azurite included) and exits 0.
/// </summary>
public static partial class LocalHostCommand
{
    /// <summary>Runs the host; returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        using var loggerFactory = LoggerFactory.Create(logging => logging
            .AddSimpleConsole(console => console.SingleLine = true)
            .SetMinimumLevel(LogLevel.Information)
            .AddFilter("Microsoft", LogLevel.Warning));
        var logger = loggerFactory.CreateLogger("GuanGong.LocalHost");
        LocalHostOptions options;
        var checkDeployment = args.Contains("--check-deployment");
        try
        {
            options = Parse([.. args.Where(a => a != "--check-deployment")]);
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        options.LoggerFactory = loggerFactory;
        // The worker drops its console logger (the Functions host prints what the worker sends it); here the
        // app's own log lines go to this console, as Core Tools shows them.
        var configureApp = options.ConfigureServices;
        options.ConfigureServices = services =>
        {
            services.AddLogging(logging => logging.AddSimpleConsole(console => console.SingleLine = true));
            configureApp?.Invoke(services);
        };
        options.Durable ??= DefaultDurable.Factory;
        ExportLocalSettings(options);

        using var stop = new CancellationTokenSource();
        void OnSignal(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }

        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        if (checkDeployment)
        {
            return await CheckDeploymentAsync(options, stop.Token);
        }

        try
        {
            await using var host = await LocalFunctionsHost.StartAsync(options, stop.Token);
            foreach (var route in host.Routes)
            {
                LogRoute(logger, route);
            }

            LogReady(logger, host.BaseAddressOrNone);
            await Task.Delay(Timeout.Infinite, stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            LogStopping(logger);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            LogStopping(logger);
        }

        return 0;
    }

    internal const string Usage =
        "usage: GuanGong.LocalHost --app path/to/App.dll [--port N] [--no-azurite] [--azurite-ports default|free] [--azurite-workspace DIR] [--set Key=Value]... [--check-deployment] [-- app args]";

    /// <summary>
    /// <c>--check-deployment</c>: loads the build, replays every in-flight orchestration of its task hub against it with
    /// no worker, no timers and no public port, prints each instance that would break, and exits 1 if any would.
    /// </summary>
    private static async Task<int> CheckDeploymentAsync(LocalHostOptions options, CancellationToken cancellationToken)
    {
        options.RunDurableWorker = false;
        options.RunTimers = false;
        options.Port = 0;
        await using var host = await LocalFunctionsHost.StartAsync(options, cancellationToken);
        var report = await host.CheckDeploymentAsync(cancellationToken);
        foreach (var broken in report.Breaking)
        {
            await Console.Out.WriteLineAsync($"BREAKS {broken.InstanceId} ({broken.Name}, {broken.Status}): {broken.Verdict} {broken.Detail}");
        }

        await Console.Out.WriteLineAsync($"deployment check: {report.Instances.Count} in-flight instances replayed, {report.Breaking.Count} would break");
        return report.IsSafe ? 0 : 1;
    }

    internal static LocalHostOptions Parse(string[] args)
    {
        var options = new LocalHostOptions { StartAzurite = true };
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--app":
                    options.AppPath = Next();
                    break;
                case "--port":
                    options.Port = int.TryParse(Next(), NumberStyles.None, CultureInfo.InvariantCulture, out var port) ? port : throw new ArgumentException("--port needs a number.");
                    break;
                case "--no-azurite":
                    options.StartAzurite = false;
                    break;
                case "--azurite-ports":
                    options.AzuritePorts = Next() switch
                    {
                        "default" => AzuritePorts.Default,
                        "free" => AzuritePorts.Free,
                        var other => throw new ArgumentException($"--azurite-ports is 'default' or 'free', not '{other}'."),
                    };
                    break;
                case "--azurite-workspace":
                    options.AzuriteWorkspace = Next();
                    break;
                case "--set":
                    var pair = Next();
                    var split = pair.IndexOf('=', StringComparison.Ordinal);
                    if (split <= 0)
                    {
                        throw new ArgumentException($"--set takes Key=Value, not '{pair}'.");
                    }

                    options.Settings[pair[..split]] = pair[(split + 1)..];
                    break;
                case "--":
                    foreach (var rest in args[(i + 1)..])
                    {
                        options.Args.Add(rest);
                    }

                    i = args.Length;
                    break;
                default:
                    throw new ArgumentException($"Unknown argument '{args[i]}'.");
            }
        }

        return options.AppPath is null ? throw new ArgumentException("--app is required.") : options;
    }

    /// <summary>
    /// One app per process here, so local.settings.json Values also become environment variables as
    /// Core Tools makes them (for code that reads the environment directly); existing ones are kept.
    /// </summary>
    private static void ExportLocalSettings(LocalHostOptions options)
    {
        // Core Tools runs apps as Development; FunctionsApplication.CreateBuilder reads the environment
        // name only from AZURE_FUNCTIONS_ENVIRONMENT (command-line arguments do not reach it).
        if (Environment.GetEnvironmentVariable("AZURE_FUNCTIONS_ENVIRONMENT") is null)
        {
            Environment.SetEnvironmentVariable("AZURE_FUNCTIONS_ENVIRONMENT", "Development");
        }

        var appDirectory = Path.GetDirectoryName(Path.GetFullPath(options.AppPath!))!;
        foreach (var (key, value) in LocalSettingsFile.Find(appDirectory, Directory.GetCurrentDirectory()).Values)
        {
            var name = key.Replace(":", "__", StringComparison.Ordinal);
            if (Environment.GetEnvironmentVariable(name) is null && !key.StartsWith("ConnectionStrings:", StringComparison.Ordinal))
            {
                Environment.SetEnvironmentVariable(name, value);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "  {Route}")]
    private static partial void LogRoute(ILogger logger, string route);

    [LoggerMessage(Level = LogLevel.Information, Message = "Local host ready at {BaseAddress}; Ctrl+C to stop")]
    private static partial void LogReady(ILogger logger, string baseAddress);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping")]
    private static partial void LogStopping(ILogger logger);
}
