using GuanGong.Functions.Pages.Components;

namespace GuanGong.Functions.Pages;

/// <summary>
/// The one page frame (<see cref="PageFrame"/>): Simplified Chinese, large type, high contrast, readable at 360 px, no
/// scripts needed to act (forms post plainly), and no third-party resources. Pages may add scripts
/// of their own from <c>wwwroot</c>; they only enhance (upload progress, charts, print). The header and
/// title name the campaign's own standard (“六好基层关工委”创建…); a page without a campaign says 关工委创建.
/// </summary>
public static class PageLayout
{
    public static IResult Message(string title, string message, int statusCode, string? standardName = null) =>
        RazorPage.Of<MessageBody>(title, new MessageBody.Text(title, message), statusCode, standardName: standardName);

    /// <summary>The header line: 关工委“六好基层关工委”创建 for a campaign's standard, 关工委创建 without one.</summary>
    public static string Brand(string? standardName) =>
        string.IsNullOrWhiteSpace(standardName) || standardName == Standards.StandardNames.NoCampaign ? Standards.StandardNames.NoCampaign : $"关工委“{standardName}”创建";
}
