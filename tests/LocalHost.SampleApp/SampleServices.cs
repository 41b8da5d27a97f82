using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GuanGong.LocalHost.SampleApp;

/// <summary>The sample app's services, registered from Program.cs as a real app does.</summary>
public static class SampleServices
{
    public static IServiceCollection AddSampleApp(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(new Greeter(configuration["Sample:Greeting"] ?? "Hi"));
        services.AddSingleton<AppCounters>();
        services.AddScoped<RequestScope>();
        services.AddSingleton<TickLog>();
        services.AddHostedService<StartupMarker>();
        return services;
    }
}
