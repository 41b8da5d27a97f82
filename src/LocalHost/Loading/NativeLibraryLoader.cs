using System.Runtime.InteropServices;

namespace GuanGong.LocalHost.Loading;

/// <summary>Loads a native library an app dependency asks for from the app's own runtimes folder.</summary>
internal static class NativeLibraryLoader
{
    public static IntPtr Load(string path) => NativeLibrary.Load(path);
}
