namespace GuanGong.LocalStack;

/// <summary>Finds the repository root: the folder holding <c>tools/azurite-guard.js</c>.</summary>
public static class RepositoryRoot
{
    /// <summary>The guard script's path relative to the root.</summary>
    public static readonly string GuardScript = Path.Combine("tools", "azurite-guard.js");

    /// <summary>Walks up from the working directory and from the app's base directory.</summary>
    public static string? Find()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("GUANGONG_REPO_ROOT");
        if (!string.IsNullOrEmpty(fromEnvironment) && File.Exists(Path.Combine(fromEnvironment, GuardScript)))
        {
            return fromEnvironment;
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, GuardScript)))
                {
                    return dir.FullName;
                }
            }
        }

        return null;
    }
}
