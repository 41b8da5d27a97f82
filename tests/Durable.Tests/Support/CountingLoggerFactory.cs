using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace GuanGong.Durable.Tests;

/// <summary>Counts log entries per category.</summary>
internal sealed class CountingLoggerFactory : ILoggerFactory
{
    private readonly ConcurrentDictionary<string, int> _counts = new();

    public int Count(string category) => _counts.GetValueOrDefault(category);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public ILogger CreateLogger(string categoryName) => new CountingLogger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class CountingLogger(CountingLoggerFactory owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner._counts.AddOrUpdate(category, 1, (_, n) => n + 1);
    }
}
