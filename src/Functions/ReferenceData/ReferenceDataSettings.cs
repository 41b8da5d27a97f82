using System.Globalization;

namespace GuanGong.Functions.ReferenceData;

/// <summary>
/// <c>GuanGong:ReferenceData:MaxAge</c> (a TimeSpan, default 30 seconds): how long this host may serve
/// campaigns, the organisation tree, templates and the holiday calendar from memory. A change made
/// through this host is seen at once; one made through another host within this bound. Zero turns the
/// caches off.
/// </summary>
public static class ReferenceDataSettings
{
    public const string MaxAgeSetting = "GuanGong:ReferenceData:MaxAge";

    public static readonly TimeSpan DefaultMaxAge = TimeSpan.FromSeconds(30);

    public static TimeSpan MaxAge(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration[MaxAgeSetting] is not { Length: > 0 } text)
        {
            return DefaultMaxAge;
        }

        var age = TimeSpan.Parse(text, CultureInfo.InvariantCulture);
        return age >= TimeSpan.Zero ? age : throw new InvalidOperationException($"{MaxAgeSetting} must not be negative.");
    }
}
