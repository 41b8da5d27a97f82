using GuanGong.Functions.Hosting;
using GuanGong.Functions.Hosting.CustomHandler;

var app = AppHost.Build(args);

// `GuanGong.Functions --write-functions DIR` writes one function.json folder per function, generated
// from the app's own endpoints (the publish script uses it), and exits without serving.
if (args is ["--write-functions", var folder, ..])
{
    var functions = FunctionCatalog.Discover(AppHost.Endpoints(app));
    FunctionCatalog.WriteFunctionFolders(functions, folder);
    Console.WriteLine($"Wrote {functions.Count} function folders to {Path.GetFullPath(folder)}");
    return;
}

await app.RunAsync();
