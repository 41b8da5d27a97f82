using System.Net;
using GuanGong.Domain;
using GuanGong.Functions.Mail;

namespace GuanGong.Functions.Cases.Workflow;

/// <summary>
/// The emails of the workflow, in plain Chinese. Each carries exactly one action link; the text says
/// what the link does, that it names one person, and when the deadline is (China time, with a
/// warning when the holiday calendar for that year is not yet published). The standard is named as
/// the campaign names it (“六好基层关工委”…, never a hard-coded 五好), the verdict in the documents'
/// words (达标 / 未达标), and the number a unit quotes is its 受理编号. A reviewer's reason is quoted
/// with its links neutralised (<see cref="QuotedText"/>): the only link a unit may follow is the system's own.
/// </summary>
public static class CaseMail
{
    public static OutgoingMail ReviewTask(CaseRecord @case, string reviewerName, string reviewerEmail, string link, DateTimeOffset? dueAt, IReadOnlyList<int> unconfirmedYears, string stageName, bool escalated, string standardName) =>
        Compose(
            reviewerEmail,
            reviewerName,
            (escalated ? "【逾期上报】" : string.Empty) + $"请审核：{@case.UnitName}{@case.Year}年度“{standardName}”创建申报（{stageName}）",
            "review-task",
            [
                $"{reviewerName}：您好！",
                $"{@case.UnitName}已提交{@case.Year}年度“{standardName}”创建申报，自评得分 {@case.SelfSummary.Total} 分，请您进行{stageName}。",
                escalated ? "该申报因下级逾期未办理，已自动上报由您办理。" : null,
                .. LowerOpinions(@case),
                Due(dueAt, unconfirmedYears),
                "请点击下面的链接查看材料并办理（此链接只属于您本人，请勿转发）：",
            ],
            link,
            CaseNumbers.For(@case));

    public static OutgoingMail Reminder(CaseRecord @case, string reviewerName, string reviewerEmail, string link, DateTimeOffset? dueAt, IReadOnlyList<int> unconfirmedYears, string standardName) =>
        Compose(
            reviewerEmail,
            reviewerName,
            $"【提醒】{@case.UnitName}的“{standardName}”创建申报待您审核",
            "review-reminder",
            [$"{reviewerName}：您好！", $"{@case.UnitName}的“{standardName}”创建申报仍在等待您审核。", Due(dueAt, unconfirmedYears), "请点击下面的链接办理："],
            link,
            CaseNumbers.For(@case));

    public static OutgoingMail Returned(CaseRecord @case, string contactName, string contactEmail, string link, string? reason, DateTimeOffset dueAt, bool provisional, string standardName) =>
        Compose(
            contactEmail,
            contactName,
            $"【需整改】{@case.UnitName}{@case.Year}年度“{standardName}”创建申报被退回整改",
            "returned",
            [$"{contactName}：您好！", $"贵单位的自评被退回整改。退回理由：{QuotedText.Neutralise(reason)}", $"请在 {Pages.ChinaDates.Deadline(dueAt)}{Calendars.ProvisionalDates.Suffix(provisional)}修改并重新提交，逾期未重新提交的，本次申报按未达标办结。", "请点击下面的链接修改并重新提交："],
            link,
            CaseNumbers.For(@case));

    /// <summary>A look-back (回头看) found faults in a passed unit and orders it to put them right by a deadline (限期整改).</summary>
    public static OutgoingMail LookBackRectification(CaseRecord @case, string contactName, string contactEmail, string link, string reason, DateTimeOffset dueAt, string standardName) =>
        Compose(
            contactEmail,
            contactName,
            $"【限期整改】{@case.UnitName}“{standardName}”回头看抽查结果",
            "lookback-rectification",
            [
                $"{contactName}：您好！",
                $"在“{standardName}”回头看抽查中，贵单位存在以下问题：{QuotedText.Neutralise(reason)}",
                $"请在 {Pages.ChinaDates.Deadline(dueAt)}完成整改，并通过下面的链接重新提交自评和台账材料，由验收单位重新审核。逾期未重新提交的，按未达标处理。",
                "请点击下面的链接修改并重新提交：",
            ],
            link,
            CaseNumbers.For(@case));

    /// <summary>A look-back (回头看) revoked a passed unit's status (撤销达标资格).</summary>
    public static OutgoingMail LookBackRevocation(CaseRecord @case, string contactName, string contactEmail, string link, IReadOnlyList<string> reasons, string standardName) =>
        Compose(
            contactEmail,
            contactName,
            $"【撤销达标】{@case.UnitName}“{standardName}”回头看抽查结果",
            "lookback-revocation",
            [$"{contactName}：您好！", $"在“{standardName}”回头看抽查中，经审定，撤销贵单位的“{standardName}”达标资格。理由：{QuotedText.Neutralise(string.Join("；", reasons))}", "查看详情："],
            link,
            CaseNumbers.For(@case));

    public static OutgoingMail Verdict(CaseRecord @case, string contactName, string contactEmail, string link, string standardName) =>
        Compose(
            contactEmail,
            contactName,
            $"【验收结果】{@case.UnitName}{@case.Year}年度“{standardName}”创建：{(@case.Verdict?.Passed == true ? Wording.Passed : Wording.NotPassed)}",
            "verdict",
            [
                $"{contactName}：您好！",
                @case.Verdict?.Passed == true
                    ? $"贵单位{@case.Year}年度“{standardName}”创建验收结果为：{Wording.Passed}，最终得分 {@case.Verdict.Summary.Total} 分。"
                    : $"贵单位{@case.Year}年度“{standardName}”创建验收结果为：{Wording.NotPassed}。{FailureText(@case)}",
                "查看详情：",
            ],
            link,
            CaseNumbers.For(@case));

    public static OutgoingMail Invitation(string unitName, string contactName, string contactEmail, string campaignName, int year, string link, string standardName) =>
        Compose(
            contactEmail,
            contactName,
            $"请填报：{unitName}{year}年度“{standardName}”创建申报（{campaignName}）",
            "invitation",
            [$"{contactName}：您好！", $"{unitName}需要完成{campaignName}{year}年度的“{standardName}”创建自评申报。点击下面的链接即可填写评分、上传台账并提交，无需注册账号。", "此链接只属于贵单位，请妥善保管："],
            link,
            null);

    /// <summary>An instant as people read it, Beijing time: 2026年12月7日（周一）09:30.</summary>
    internal static string China(DateTimeOffset instant) => Pages.ChinaDates.When(instant);

    /// <summary>What the levels below decided (the township's decision, score and comment), for the level that decides next.</summary>
    private static IEnumerable<string> LowerOpinions(CaseRecord @case) => @case.Outcomes
        .Where(o => o.Action == Reviews.ReviewAction.Approve)
        .Select(o => $"{o.ReviewerName}（{WorkflowServices.StageName(@case, o.Stage)}）的意见：{Reviews.ReviewPages.ActionLabel(o.Action)}"
            + (o.ReviewTotal is { } total ? $"，审核得分 {total} 分" : $"，审核得分 {@case.SelfSummary.Total} 分（同意自评得分）")
            + (string.IsNullOrWhiteSpace(o.Reason) ? "。" : $"，意见：{o.Reason}"));

    private static string? Due(DateTimeOffset? dueAt, IReadOnlyList<int> unconfirmedYears) => dueAt is { } due
        ? $"办理期限：{Pages.ChinaDates.Deadline(due)}。" + (unconfirmedYears.Count > 0
            ? $"（注意：{string.Join("、", unconfirmedYears)}年的法定节假日安排尚未录入，期限暂按周一至周五计算。）"
            : string.Empty)
        : null;

    private static string FailureText(CaseRecord @case)
    {
        var last = @case.Outcomes.LastOrDefault();
        return last?.Reason is { Length: > 0 } reason ? $"理由：{QuotedText.Neutralise(reason)}" : string.Empty;
    }

    private static OutgoingMail Compose(string to, string? name, string subject, string category, IEnumerable<string?> lines, string link, string? receiptNumber)
    {
        var paragraphs = lines.Where(l => !string.IsNullOrEmpty(l)).Cast<string>().ToList();
        var footer = receiptNumber is null ? "本邮件由关工委创建评估系统自动发送。" : $"{Wording.ReceiptNumber}：{receiptNumber}。本邮件由关工委创建评估系统自动发送。";
        var text = string.Join("\n\n", paragraphs) + "\n\n" + link + "\n\n" + footer + "\n";
        var html = "<div style=\"font-size:18px;line-height:1.7\">"
            + string.Concat(paragraphs.Select(p => $"<p>{WebUtility.HtmlEncode(p)}</p>"))
            + $"<p><a href=\"{WebUtility.HtmlEncode(link)}\" style=\"display:inline-block;padding:12px 24px;background:#0b4f9c;color:#fff;text-decoration:none;border-radius:6px\">点击办理</a></p>"
            + $"<p style=\"word-break:break-all;color:#333\">{WebUtility.HtmlEncode(link)}</p>"
            + $"<p style=\"color:#555\">{WebUtility.HtmlEncode(footer)}</p></div>";
        return new OutgoingMail(to, name, subject, text, html) { Category = category };
    }
}
