namespace GuanGong.Functions.Hosting;

/// <summary>
/// Every logger the app hands out, whatever provider writes it (console, OTLP, a test's capture):
/// messages, structured values and scopes pass through <see cref="LinkRedaction"/> first. ASP.NET
/// Core logs each request's path and query and opens a <c>RequestPath</c> scope before any middleware
/// runs, so a level filter alone cannot keep a link token or a file name out (anyone may turn the
/// level up); redacting at the factory does, at every level.
/// </summary>
public sealed class RedactingLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new RedactingLogger(inner.CreateLogger(categoryName));

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose() => inner.Dispose();

    /// <summary>Puts the factory around the one the host registered (call after every logging registration).</summary>
    public static void Decorate(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(ILoggerFactory))
            ?? throw new InvalidOperationException("No ILoggerFactory is registered to decorate.");
        services.Remove(registered);
        services.AddSingleton<ILoggerFactory>(sp => new RedactingLoggerFactory(Create(registered, sp)));
    }

    private static ILoggerFactory Create(ServiceDescriptor registered, IServiceProvider services) => registered switch
    {
        { ImplementationInstance: ILoggerFactory instance } => instance,
        { ImplementationFactory: { } factory } => (ILoggerFactory)factory(services),
        { ImplementationType: { } type } => (ILoggerFactory)ActivatorUtilities.CreateInstance(services, type),
        _ => throw new InvalidOperationException("The registered ILoggerFactory cannot be created."),
    };

    private sealed class RedactingLogger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull =>
            inner.BeginScope(RedactedState.From(state, null));

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            if (!inner.IsEnabled(logLevel))
            {
                return;
            }

            var redacted = RedactedState.From(state, LinkRedaction.Redact(formatter(state, exception)));
            inner.Log(logLevel, eventId, redacted, RedactedException.From(exception), static (s, _) => s.ToString());
        }
    }

    /// <summary>A log state or scope with its string values redacted; ToString gives the redacted message.</summary>
    private sealed class RedactedState(IReadOnlyList<KeyValuePair<string, object?>> values, string message) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public int Count => values.Count;

        public KeyValuePair<string, object?> this[int index] => values[index];

        public static RedactedState From<TState>(TState state, string? message)
        {
            var text = message ?? LinkRedaction.Redact(state?.ToString() ?? string.Empty);
            if (state is not IEnumerable<KeyValuePair<string, object?>> pairs)
            {
                return new RedactedState([], text);
            }

            var copy = new List<KeyValuePair<string, object?>>();
            foreach (var (key, value) in pairs)
            {
                copy.Add(new(key, key == "{OriginalFormat}" ? value : Redact(value)));
            }

            return new RedactedState(copy, text);
        }

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => values.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => message;

        // Strings and anything whose text carries a link (PathString, QueryString, Uri) come out
        // as redacted text; numbers, dates and the like stay as they are.
        private static object? Redact(object? value) => value switch
        {
            null or bool or int or long or double or decimal or float or short or byte or Guid or DateTime or DateTimeOffset or TimeSpan or Enum => value,
            string text => LinkRedaction.Redact(text),
            _ when value.ToString() is { } text && LinkRedaction.Redact(text) is var redacted && redacted != text => redacted,
            _ => value,
        };
    }
}
