using Microsoft.Extensions.Logging;

namespace GuanGong.LocalHost.Durable;

/// <summary>Sends DTFx's logs both to the caller's factory and to the engine's own observers.</summary>
internal sealed class TeeLoggerFactory(ILoggerFactory inner, ILoggerProvider observer) : ILoggerFactory
{
    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public ILogger CreateLogger(string categoryName) =>
        new TeeLogger(inner.CreateLogger(categoryName), observer.CreateLogger(categoryName));

    public void Dispose()
    {
    }

    private sealed class TeeLogger(ILogger first, ILogger second) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => first.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => first.IsEnabled(logLevel) || second.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (first.IsEnabled(logLevel))
            {
                first.Log(logLevel, eventId, state, exception, formatter);
            }

            if (second.IsEnabled(logLevel))
            {
                second.Log(logLevel, eventId, state, exception, formatter);
            }
        }
    }
}
