namespace GuanGong.Functions.Http;

/// <summary>Who is calling, as proven by a key or a signed link. Each kind sees only what it may.</summary>
public abstract record Caller
{
    /// <summary>A committee whose subtree this caller may read, or null for everything (an administrator).</summary>
    public abstract string? SubtreeRoot { get; }
}

/// <summary>Holds the admin key: may do anything.</summary>
public sealed record AdminCaller : Caller
{
    public override string? SubtreeRoot => null;
}

/// <summary>Holds a unit's campaign link: may fill, upload and submit its own case only.</summary>
public sealed record UnitCaller(string UnitCode, string CaseId, string Email) : Caller
{
    public override string? SubtreeRoot => UnitCode;
}

/// <summary>Holds a committee's API key or dashboard link: may read its own subtree.</summary>
public sealed record CommitteeCaller(string CommitteeCode, string Via) : Caller
{
    public override string? SubtreeRoot => CommitteeCode;
}
