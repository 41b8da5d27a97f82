using System.Reflection;
using System.Runtime.Loader;

namespace GuanGong.LocalHost.Loading;

/// <summary>
/// Loads a function app by path into the default load context. Assemblies the host carries itself
/// (the worker's abstractions, Durable Task, ASP.NET Core) stay the host's, so the app and the host
/// share their types; the rest resolve from the app's own deps.json through AssemblyDependencyResolver.
/// </summary>
internal static class AppAssemblyLoader
{
    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, Assembly> Loaded = new(StringComparer.Ordinal);

    public static Assembly Load(string appPath)
    {
        var full = Path.GetFullPath(appPath);
        if (!File.Exists(full))
        {
            throw new FileNotFoundException($"The function app assembly {full} does not exist.", full);
        }

        lock (Gate)
        {
            if (Loaded.TryGetValue(full, out var known))
            {
                return known;
            }

            var resolver = new AssemblyDependencyResolver(full);
            AssemblyLoadContext.Default.Resolving += (context, name) =>
                resolver.ResolveAssemblyToPath(name) is { } path ? context.LoadFromAssemblyPath(path) : null;
            AssemblyLoadContext.Default.ResolvingUnmanagedDll += (_, name) =>
                resolver.ResolveUnmanagedDllToPath(name) is { } path ? NativeLibraryLoader.Load(path) : IntPtr.Zero;

            var assembly = AssemblyLoadContext.Default.LoadFromAssemblyPath(full);
            Loaded[full] = assembly;
            return assembly;
        }
    }
}
