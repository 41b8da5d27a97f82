using System.Text;
using GuanGong.Domain.Calendar;
using GuanGong.Functions.Calendars;
using static GuanGong.Functions.Pages.Html;

namespace GuanGong.Functions.Pages;

/// <summary>
/// The dashboard's calendar section: what is due next at each level, the year's dates, and the units of the subtree that
/// have not submitted (未提交), each with a button that sends its link again.
/// </summary>
internal static class CalendarSection
{
    private static readonly (string Level, string Name)[] Levels = [("County", "县级"), ("Township", "乡镇"), ("Grassroots", "基层单位")];

    public static string Render(CampaignCalendarView? view, string campaignId, string root, int year, string? linkToken, string? resent)
    {
        var query0 = $"root={Uri.EscapeDataString(root)}" + (linkToken is { Length: > 0 } lt ? "&t=" + Uri.EscapeDataString(lt) : string.Empty);
        var html = new StringBuilder("<section id=\"calendar\"><h2>活动日程</h2>")
            .Append($"<p><a href=\"{E($"/d/{Uri.EscapeDataString(campaignId)}/visits?{query0}")}\">督查记录（季度、半年检查）</a></p>");
        if (view is null)
        {
            return html.Append("<p>本年度尚未设置申报截止时间和验收时间。</p></section>").ToString();
        }

        html.Append("<h3>接下来要办的事</h3><ul class=\"pending\">");
        foreach (var (level, name) in Levels)
        {
            var next = view.NextDue.FirstOrDefault(n => n.Level == level)?.Entry;
            html.Append($"<li><strong>{E(name)}</strong>：{(next is null ? "本年度已无待办事项" : $"{E(next.Title)}，{E(Span(next))}{E(ProvisionalDates.Suffix(next.Provisional))}")}</li>");
        }

        html.Append("</ul><h3>本年度日程</h3><div class=\"table-wrap\"><table><caption class=\"sr-only\">本年度日程</caption><thead><tr><th scope=\"col\">事项</th><th scope=\"col\">时间</th></tr></thead><tbody>");
        foreach (var entry in view.Entries)
        {
            html.Append($"<tr><th scope=\"row\">{E(entry.Title)}</th><td>{E(Span(entry))}{E(ProvisionalDates.Suffix(entry.Provisional))}</td></tr>");
        }

        html.Append("</tbody></table></div>");
        html.Append($"<h3>未提交的单位（{view.NotSubmitted.Count} 个）</h3>");
        if (resent is { Length: > 0 })
        {
            html.Append($"<p class=\"notice ok\" role=\"status\">已重新发送填报链接：{E(resent)}。</p>");
        }

        if (view.NotSubmitted.Count == 0)
        {
            return html.Append("<p>受邀单位都已提交。</p></section>").ToString();
        }

        html.Append("<ul class=\"pending\">");
        var query = $"root={Uri.EscapeDataString(root)}&year={year}" + (linkToken is { Length: > 0 } t ? "&t=" + Uri.EscapeDataString(t) : string.Empty);
        foreach (var unit in view.NotSubmitted)
        {
            var action = $"/d/{Uri.EscapeDataString(campaignId)}/units/{Uri.EscapeDataString(unit.UnitCode)}/resend?{query}";
            html.Append($"<li><strong>{E(unit.UnitName)}</strong> <form method=\"post\" action=\"{E(action)}\" class=\"inline\"><button type=\"submit\" class=\"secondary\">重新发送填报链接</button></form></li>");
        }

        return html.Append("</ul></section>").ToString();
    }

    private static string Span(CalendarEntryView entry) =>
        entry.Start == entry.End
            ? CampaignCalendarPlanner.Display(entry.End) + (entry.Kind == nameof(CalendarEntryKind.SubmissionDeadline) ? "24:00 前" : string.Empty)
            : $"{CampaignCalendarPlanner.Display(entry.Start)}至{CampaignCalendarPlanner.Display(entry.End)}";
}
