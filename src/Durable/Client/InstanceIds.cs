namespace GuanGong.Durable;

/// <summary>
/// What an instance id may contain. Ids become table keys and blob path segments, so the
/// characters Azure Tables refuse in keys are refused here, before anything is written or sent.
/// </summary>
public static class InstanceIds
{
    /// <summary>The longest id accepted.</summary>
    public const int MaxLength = 256;

    /// <summary>Throws <see cref="ArgumentException"/> when <paramref name="instanceId"/> cannot be used.</summary>
    /// <param name="instanceId">The id.</param>
    /// <param name="paramName">The argument name to report.</param>
    public static void Validate(string instanceId, string paramName = "instanceId")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId, paramName);
        if (instanceId.Length > MaxLength)
        {
            throw new ArgumentException($"Instance id is {instanceId.Length} characters; at most {MaxLength} are allowed.", paramName);
        }

        foreach (var c in instanceId)
        {
            if (c is '/' or '\\' or '#' or '?' || char.IsControl(c))
            {
                throw new ArgumentException($"Instance id '{instanceId}' contains '{(char.IsControl(c) ? $"\\u{(int)c:X4}" : c)}'; ids cannot contain '/', '\\', '#', '?' or control characters.", paramName);
            }
        }
    }
}
