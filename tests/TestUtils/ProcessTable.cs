namespace GuanGong.Testing;

/// <summary>The machine's processes as /proc shows them, for tests that check nothing is left behind (Linux).</summary>
public static class ProcessTable
{
    /// <summary>Whether <paramref name="pid"/> runs: a zombie (exited, not yet reaped) counts as gone.</summary>
    public static bool IsAlive(int pid)
    {
        try
        {
            return !File.ReadAllText($"/proc/{pid}/status").Contains("State:\tZ", StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false; // no such process (or gone while being read)
        }
    }

    /// <summary>The ids of the processes whose command line (its arguments, program first) <paramref name="match"/> accepts.</summary>
    public static List<int> Matching(Func<string[], bool> match)
    {
        ArgumentNullException.ThrowIfNull(match);
        var found = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            string[] argv;
            try
            {
                argv = File.ReadAllText(Path.Combine(dir, "cmdline")).Split('\0', StringSplitOptions.RemoveEmptyEntries);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                continue; // gone meanwhile, or not ours to read
            }

            if (match(argv))
            {
                found.Add(pid);
            }
        }

        return found;
    }
}
