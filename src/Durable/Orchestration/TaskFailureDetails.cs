namespace GuanGong.Durable;

/// <summary>A serializable description of a failure, carried across replay and process boundaries.</summary>
/// <param name="ErrorType">The full name of the exception type.</param>
/// <param name="ErrorMessage">The exception message.</param>
/// <param name="StackTrace">The stack trace, when known.</param>
/// <param name="InnerFailure">The inner failure, when there was one.</param>
public sealed record TaskFailureDetails(string ErrorType, string ErrorMessage, string? StackTrace = null, TaskFailureDetails? InnerFailure = null)
{
    /// <summary>Describes <paramref name="exception"/> (and its inner exceptions).</summary>
    /// <param name="exception">The exception to describe.</param>
    /// <returns>The failure details.</returns>
    public static TaskFailureDetails FromException(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new TaskFailureDetails(
            exception.GetType().FullName ?? exception.GetType().Name,
            exception.Message,
            exception.StackTrace,
            exception switch
            {
                // A failed call's own cause lives in another process: chain its recorded details.
                TaskFailedException failed => failed.FailureDetails,
                { InnerException: { } inner } => FromException(inner),
                _ => null,
            });
    }

    /// <summary>Whether the failure was caused by an exception of type <typeparamref name="T"/> (or a subtype known by name).</summary>
    /// <typeparam name="T">The exception type.</typeparam>
    /// <returns>True when <see cref="ErrorType"/> names <typeparamref name="T"/> exactly.</returns>
    public bool IsCausedBy<T>()
        where T : Exception => string.Equals(ErrorType, typeof(T).FullName, StringComparison.Ordinal);

    /// <inheritdoc />
    public override string ToString() => $"{ErrorType}: {ErrorMessage}";
}
