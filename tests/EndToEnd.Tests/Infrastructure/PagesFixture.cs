using Microsoft.Playwright;

namespace GuanGong.EndToEnd.Tests.Infrastructure;

/// <summary>One app (with the county set up and its campaign launched) and one browser, shared by a test class.</summary>
public sealed class PagesFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public RunningApp App { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var starting = RunningApp.StartAsync();
        (_playwright, Browser) = await Chromium.LaunchAsync();
        App = await starting;
        await App.SetUpCountyAsync(villages: 3);
    }

    /// <summary>The unit's campaign link path (<c>/u/{token}</c>) from its invitation in the local mailbox.</summary>
    public async Task<string> UnitLinkAsync(string email)
    {
        var invitation = await App.WaitForMailAsync(m => m.To.Any(t => t.Contains(email, StringComparison.Ordinal)) && m.Subject.Contains("请填报", StringComparison.Ordinal));
        return SampleCounty.PathOf(invitation.Links.First(l => new Uri(l).AbsolutePath.StartsWith("/u/", StringComparison.Ordinal)));
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}
