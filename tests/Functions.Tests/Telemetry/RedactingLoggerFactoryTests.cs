using GuanGong.Functions.Hosting;
using Microsoft.Extensions.Logging;

namespace GuanGong.Functions.Tests.Telemetry;

public sealed class RedactingLoggerFactoryTests
{
    [Fact]
    public void Log_RequestLineWithTokenAndFileName_MessageValuesAndScopeAreRedacted()
    {
        var sink = new Sink();
        using var factory = new RedactingLoggerFactory(LoggerFactory.Create(b => b.AddProvider(sink).SetMinimumLevel(LogLevel.Trace)));
        var logger = factory.CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics");

        using (logger.BeginScope(new Dictionary<string, object?> { ["RequestPath"] = "/u/v1.k1.secretpayload.sig", ["RequestId"] = "0HN1" }))
        {
            logger.LogInformation("Request starting {Method} {Path}{QueryString}", "PUT", "/api/cases/2026-V1-ABCD/items/1.1/ledgers", "?fileName=%E5%BC%A0%E5%B0%8F%E6%98%8E.pdf&t=v1.k.secret2.s");
        }

        var (message, values, scopes) = Assert.Single(sink.Entries);
        Assert.DoesNotContain("secret", message + values + scopes, StringComparison.Ordinal);
        Assert.DoesNotContain("%E5%BC%A0", message + values + scopes, StringComparison.Ordinal);
        Assert.Contains("fileName={redacted}", message, StringComparison.Ordinal);
        Assert.Contains("t={token}", message, StringComparison.Ordinal);
        Assert.Contains("RequestPath=/u/{token}", scopes, StringComparison.Ordinal);
        Assert.Contains("RequestId=0HN1", scopes, StringComparison.Ordinal);
        Assert.Contains("Method=PUT", values, StringComparison.Ordinal);
    }

    [Fact]
    public void Log_BelowTheInnerLevel_IsNotFormatted()
    {
        var sink = new Sink();
        using var factory = new RedactingLoggerFactory(LoggerFactory.Create(b => b.AddProvider(sink).SetMinimumLevel(LogLevel.Warning)));
        var formatted = 0;

        factory.CreateLogger("x").Log(LogLevel.Information, default, "state", null, (s, _) => { formatted++; return s; });

        Assert.Equal(0, formatted);
        Assert.Empty(sink.Entries);
    }

    private sealed class Sink : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

        public List<(string Message, string Values, string Scopes)> Entries { get; } = [];

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public void Dispose()
        {
        }

        private static string Describe(object? value) => value is IEnumerable<KeyValuePair<string, object?>> pairs
            ? string.Join(", ", pairs.Select(p => $"{p.Key}={p.Value}"))
            : value?.ToString() ?? string.Empty;

        private sealed class Logger(Sink owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => owner._scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var scopes = new List<string>();
                owner._scopes.ForEachScope((scope, list) => list.Add(Describe(scope)), scopes);
                owner.Entries.Add((formatter(state, exception), Describe(state), string.Join(" / ", scopes)));
            }
        }
    }
}
