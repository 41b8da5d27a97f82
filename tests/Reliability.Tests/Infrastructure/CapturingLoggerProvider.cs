using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace GuanGong.Reliability.Tests.Infrastructure;

/// <summary>
/// Keeps every log line the app writes, at every level, with its category, scope values, state
/// values and exception, so a test can search everything a log sink would have received.
/// </summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> _lines = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyCollection<string> Lines => _lines;

    public ILogger CreateLogger(string categoryName) => new Capturing(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Capturing(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopes = new List<string>();
            owner._scopes.ForEachScope((scope, list) => list.Add(Describe(scope)), scopes);
            owner._lines.Enqueue($"{logLevel} {category} [{eventId}] {formatter(state, exception)} | state: {Describe(state)} | scopes: {string.Join(" / ", scopes)} | {exception}");
        }

        private static string Describe(object? value) => value switch
        {
            IEnumerable<KeyValuePair<string, object?>> pairs => string.Join(", ", pairs.Select(p => $"{p.Key}={p.Value}")),
            _ => value?.ToString() ?? string.Empty,
        };
    }
}
