namespace GuanGong.Domain;

/// <summary>
/// The outcome of an operation whose failure is expected (invalid input, an incomplete tree...):
/// either a value or a non-empty list of <see cref="ValidationError"/>s. Broken invariants are exceptions, not results.
/// </summary>
/// <typeparam name="T">The type of the value on success.</typeparam>
public sealed class Result<T>
{
    private readonly T? _value;

    private Result(T? value, IReadOnlyList<ValidationError> errors)
    {
        _value = value;
        Errors = errors;
    }

    /// <summary>True when the operation produced a value.</summary>
    public bool IsSuccess => Errors.Count == 0;

    /// <summary>The errors; empty on success.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    /// <summary>The value; throws <see cref="InvalidOperationException"/> when the result is a failure.</summary>
    public T Value => IsSuccess
        ? _value!
        : throw new InvalidOperationException("The result is a failure: " + string.Join("; ", Errors));

    /// <summary>A successful result.</summary>
    /// <param name="value">The value.</param>
    public static Result<T> Success(T value) => new(value, []);

    /// <summary>A failed result; <paramref name="errors"/> must not be empty.</summary>
    /// <param name="errors">What went wrong.</param>
    public static Result<T> Failure(IEnumerable<ValidationError> errors)
    {
        var list = errors.ToArray();
        if (list.Length == 0)
        {
            throw new ArgumentException("A failure needs at least one error.", nameof(errors));
        }

        return new(default, list);
    }

    /// <summary>A failed result with one error.</summary>
    /// <param name="error">What went wrong.</param>
    public static Result<T> Failure(ValidationError error) => Failure([error]);
}
