using GuanGong.Functions.Http;
using GuanGong.Functions.Reviews;

namespace GuanGong.Functions.Hosting;

/// <summary>
/// Settings the app refuses to start with, checked before anything is registered, so a lost or
/// wrong setting stops the app rather than exposing it: the local profile (Azurite, the
/// <c>/dev/mail</c> mailbox, demo data) inside Azure App Service or with a public address that is
/// not this machine, and a link-signing key shorter than 256 bits.
/// </summary>
public static class StartUpChecks
{
    /// <summary>Settings App Service sets on every site; the local profile never runs where they are.</summary>
    public static readonly IReadOnlyList<string> AzureMarkers = ["WEBSITE_INSTANCE_ID", "WEBSITE_SITE_NAME"];

    public static void Run(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (AppComposition.IsLocalProfile(configuration))
        {
            foreach (var marker in AzureMarkers)
            {
                if (!string.IsNullOrEmpty(configuration[marker]))
                {
                    throw new InvalidOperationException($"The Local profile cannot run in Azure ({marker} is set): set GuanGong:Profile to the deployment's profile.");
                }
            }

            if (configuration["GuanGong:PublicBaseUrl"] is { Length: > 0 } publicUrl && !EdgePolicy.IsLoopback(publicUrl))
            {
                throw new InvalidOperationException("The Local profile serves only this machine, but GuanGong:PublicBaseUrl names another host: set GuanGong:Profile to the deployment's profile.");
            }
        }

        foreach (var which in new[] { "Current", "Previous" })
        {
            if (configuration[$"{LinkKeys.Section}:{which}"] is { Length: > 0 } key)
            {
                LinkKeys.Check(key, which);
            }
        }
    }
}
