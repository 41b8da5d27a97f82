namespace GuanGong.LocalStack;

/// <summary>Finds the Node.js executable Azurite runs on.</summary>
public static class NodeLocator
{
    /// <summary>Resolves a name on PATH (or checks a full path).</summary>
    /// <exception cref="LocalStackException">Node.js is not there; the message says how to install it.</exception>
    public static string Resolve(string executable)
    {
        ArgumentException.ThrowIfNullOrEmpty(executable);
        if (executable.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return File.Exists(executable) ? executable : throw Missing(executable);
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, executable);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw Missing(executable);
    }

    private static LocalStackException Missing(string executable) => new(
        $"Node.js was not found ('{executable}' is not on PATH). Azurite, the local Azure Storage emulator, runs on Node.js 18 or later: " +
        "install Node.js and npm (for example 'apt-get install -y nodejs npm'), then run 'npm ci' in the repository root.");
}
