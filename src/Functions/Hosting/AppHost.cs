namespace GuanGong.Functions.Hosting;

/// <summary>The composition root: one place that wires configuration, services and endpoints.</summary>
public static class AppHost
{
    /// <summary>Builds the app. <paramref name="overrides"/> win over every other configuration source (tests use it).</summary>
    public static WebApplication Build(string[] args, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = Directory.GetCurrentDirectory() });
        FunctionsConfiguration.Apply(builder.Configuration, builder.Environment.ContentRootPath, overrides);
        builder.WebHost.UseUrls($"http://127.0.0.1:{FunctionsConfiguration.Port(builder.Configuration)}");

        // The one place that gives the app a wall clock; everything else takes TimeProvider.
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddProblemDetails();
        builder.Services.AddHostedService<LocalStackService>();

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapGroup("/api");
        return app;
    }
}
