namespace GuanGong.LocalStack;

/// <summary>How to start a local Azurite.</summary>
public sealed record AzuriteOptions
{
    /// <summary>The loopback address every service binds to.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>Blob port; 0 picks a free loopback port.</summary>
    public int BlobPort { get; init; }

    /// <summary>Queue port; 0 picks a free loopback port.</summary>
    public int QueuePort { get; init; }

    /// <summary>Table port; 0 picks a free loopback port.</summary>
    public int TablePort { get; init; }

    /// <summary>A folder to persist the workspace in; <c>null</c> keeps everything in memory.</summary>
    public string? Location { get; init; }

    /// <summary>The repository root holding <c>tools/azurite-guard.js</c> and <c>node_modules</c>; found by walking up when <c>null</c>.</summary>
    public string? RepositoryRoot { get; init; }

    /// <summary>The Node.js executable, a name looked up on PATH or a full path.</summary>
    public string NodeExecutable { get; init; } = "node";

    /// <summary>How long to wait for all three services to answer.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The ports Azurite uses by default (blob 10000, queue 10001, table 10002).</summary>
    public static AzuriteOptions DefaultPorts(string? location) =>
        new() { BlobPort = 10000, QueuePort = 10001, TablePort = 10002, Location = location };
}
