using System.Net;
using GuanGong.Domain.Calendar;
using GuanGong.Functions.Mail;

namespace GuanGong.Functions.Calendars;

/// <summary>The campaign calendar's mail: a reminder to a unit that has not submitted, with its own link again.</summary>
public static class CalendarMail
{
    public static OutgoingMail SubmissionReminder(
        string unitName, string contactName, string contactEmail, string campaignName, int year, string standardName, DateOnly deadline, bool provisional, string link)
    {
        var lines = new[]
        {
            $"{contactName}：您好！",
            $"{unitName}{year}年度“{standardName}”创建自评尚未提交。申报截止时间：{deadline.Year}年{CampaignCalendarPlanner.Display(deadline)}24:00 前（北京时间）{ProvisionalDates.Suffix(provisional)}。",
            $"请在截止前点击下面的链接填写并提交（{campaignName}）。已经保存的草稿会自动载入。此链接只属于贵单位，请妥善保管：",
        };
        var footer = "本邮件由关工委创建评估系统自动发送。如已提交，请忽略本邮件。";
        var text = string.Join("\n\n", lines) + "\n\n" + link + "\n\n" + footer + "\n";
        var html = "<div style=\"font-size:18px;line-height:1.7\">"
            + string.Concat(lines.Select(p => $"<p>{WebUtility.HtmlEncode(p)}</p>"))
            + $"<p><a href=\"{WebUtility.HtmlEncode(link)}\" style=\"display:inline-block;padding:12px 24px;background:#0b4f9c;color:#fff;text-decoration:none;border-radius:6px\">去填报</a></p>"
            + $"<p style=\"word-break:break-all;color:#333\">{WebUtility.HtmlEncode(link)}</p>"
            + $"<p style=\"color:#555\">{WebUtility.HtmlEncode(footer)}</p></div>";
        return new OutgoingMail(contactEmail, contactName, $"【提醒】{unitName}{year}年度“{standardName}”创建自评尚未提交", text, html) { Category = "submission-reminder" };
    }
}
