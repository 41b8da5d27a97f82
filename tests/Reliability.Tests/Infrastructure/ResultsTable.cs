namespace GuanGong.Reliability.Tests.Infrastructure;

/// <summary>
/// Appends one line per finding to <c>artifacts/reliability/results.md</c> at the repository root,
/// the table <c>scripts/reliability.sh</c> prints at the end of a run.
/// </summary>
internal static class ResultsTable
{
    private static readonly Lock Gate = new();

    public static string FilePath
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "GuanGong.sln")))
            {
                directory = directory.Parent;
            }

            var root = directory?.FullName ?? Path.GetTempPath();
            return Path.Combine(root, "artifacts", "reliability", "results.md");
        }
    }

    /// <summary>Adds a row: the check (what was tried, and what it requires), the figure found, and whether it was met.</summary>
    public static void Add(string check, string tried, string found, string required, bool met)
    {
        lock (Gate)
        {
            var path = FilePath;
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            if (!File.Exists(path))
            {
                File.AppendAllText(path, "| check | found | met |\n|---|---|---|\n");
            }

            File.AppendAllText(path, $"| {check}: {tried} (requires {required}) | {found} | {(met ? "yes" : "NO")} |\n");
        }
    }

    /// <summary>How many generated requests a run makes: <c>the variable</c>, else the CI size.</summary>
    public static int Size(string variable, int ciSize) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), out var size) && size > 0 ? size : ciSize;
}
