namespace GuanGong.LocalStack;

/// <summary>The local stack could not be started; the message says what is missing and how to fix it.</summary>
public sealed class LocalStackException : Exception
{
    /// <summary>Creates the exception with a message meant for a person.</summary>
    public LocalStackException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message meant for a person and its cause.</summary>
    public LocalStackException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
