using System.Globalization;
using System.Text;
using GuanGong.Domain.Cases;
using GuanGong.Domain.Standards;
using GuanGong.Functions.Audit;
using GuanGong.Functions.Cases;
using GuanGong.Functions.Cases.Workflow;
using GuanGong.Functions.Exports;
using GuanGong.Functions.Ledgers;
using GuanGong.Functions.Reviews;
using static GuanGong.Functions.Pages.Html;

namespace GuanGong.Functions.Pages;

/// <summary>The HTML of the unit's pages: the rubric form, the status of a submitted case, and the receipt.</summary>
internal static class UnitPageViews
{
    private static readonly string[] NoFiles = [];

    public static string Form(UnitLink link, string unitName, StandardTemplate template, CaseRecord? @case, UnitForm form, string formNonce,
        IReadOnlyDictionary<string, IReadOnlyList<(LedgerRecord Ledger, string Url)>>? evidence, DateTimeOffset? draftSavedAt, bool justSaved, bool rectificationProvisional = false)
    {
        var html = new StringBuilder();
        html.Append($"<h1>{E(unitName)} · {E(Year(link.Year))}年度自评</h1>")
            .Append($"<p class=\"lead\">{E(link.Campaign.Settings.Name)}。请逐项填写自评得分，写好自查报告后提交。可以随时“保存草稿”，下次打开此链接接着填。</p>");
        if (@case is { State.Status: CaseStatus.ReturnedForRectification })
        {
            var returned = @case.Outcomes.LastOrDefault(o => o.Action == ReviewAction.Return);
            html.Append("<div class=\"notice\" role=\"note\"><h2>需要整改后重新提交</h2>")
                .Append(returned is null ? string.Empty : $"<p>{E(returned.ReviewerName)}的意见：<strong>{E(returned.Reason)}</strong></p>")
                .Append(@case.RectificationDueAt is { } due ? $"<p>整改期限：{E(CaseMail.China(due))}{E(Calendars.ProvisionalDates.Suffix(rectificationProvisional))}</p>" : string.Empty)
                .Append("<p>请按意见修改下面的内容（已填入上次提交的内容），补充材料后再次提交。</p></div>");
        }

        if (justSaved && draftSavedAt is { } saved)
        {
            html.Append($"<div class=\"notice ok\" role=\"status\"><p>草稿已保存（{E(CaseMail.China(saved))}）。尚未提交，填完后请点“提交自评”。</p></div>");
        }
        else if (draftSavedAt is { } earlier)
        {
            html.Append($"<p class=\"muted\">已载入 {E(CaseMail.China(earlier))} 保存的草稿。</p>");
        }

        if (form.HasErrors)
        {
            html.Append($"<div class=\"notice\" role=\"alert\" id=\"errors\"><h2>还有 {form.AllErrors.Count()} 处需要修改</h2><ul>");
            foreach (var (field, message) in form.AllErrors)
            {
                html.Append(field.Length > 0 ? $"<li><a href=\"#{E(field)}\">{E(message)}</a></li>" : $"<li>{E(message)}</li>");
            }

            html.Append("</ul></div>");
        }

        html.Append($"<form method=\"post\" action=\"/u/{E(link.Token)}\" novalidate><input type=\"hidden\" name=\"formNonce\" value=\"{E(formNonce)}\">")
            // Enter in a field presses the first button: let that be the harmless one.
            .Append($"<p class=\"actions-top\"><button type=\"submit\" class=\"secondary\" formaction=\"/u/{E(link.Token)}/draft\">保存草稿</button></p>");

        var numbers = new Queue<string>(["一", "二", "三", "四"]);
        if (template.Preconditions.Count > 0)
        {
            html.Append($"<h2>{numbers.Dequeue()}、前置条件</h2><p>以下每一项都必须具备，才能参加评定。</p>");
            foreach (var precondition in template.Preconditions)
            {
                var field = "pre_" + precondition.Id;
                var value = form.Value(field);
                html.Append($"<fieldset id=\"{E(field)}\"><legend>{E(precondition.Name)}</legend>")
                    .Append(Evidence(precondition.Evidence))
                    .Append($"<label class=\"choice\"><input type=\"radio\" name=\"{E(field)}\" value=\"yes\"{(value == "yes" ? " checked" : string.Empty)}> 具备</label>")
                    .Append($"<label class=\"choice\"><input type=\"radio\" name=\"{E(field)}\" value=\"no\"{(value == "no" ? " checked" : string.Empty)}> 不具备</label>")
                    .Append(Errors(form, field))
                    .Append("</fieldset>");
            }
        }

        html.Append($"<h2>{numbers.Dequeue()}、评分项目</h2>");
        if (evidence is null)
        {
            html.Append("<p class=\"notice ok\">提交自评后，可以在本页为每一项上传佐证材料（照片、PDF、Word、Excel）。</p>");
        }

        for (var ci = 0; ci < template.Criteria.Count; ci++)
        {
            var criterion = template.Criteria[ci];
            html.Append($"<h3>{E(criterion.Name)}（{E(criterion.Points)} 分{ExampleMark(template, $"criteria[{ci}].points")}）</h3>");
            for (var ii = 0; ii < criterion.Items.Count; ii++)
            {
                var item = criterion.Items[ii];
                var path = $"criteria[{ci}].items[{ii}]";
                var score = "score_" + item.Id;
                var note = "note_" + item.Id;
                html.Append($"<div class=\"item\"><p><strong>{E(item.Name)}</strong>{ExampleMark(template, path + ".name")} <span class=\"points\">（满分 {E(item.Points)} 分{ExampleMark(template, path + ".points")}）</span></p>")
                    .Append(Evidence(item.Evidence))
                    .Append(item.YesNo == true
                        ? YesNo(score, item.Points, form.Value(score), "自评", Invalid(form, score))
                        : $"<label for=\"{E(score)}\">自评得分（0–{E(item.Points)} 分）</label>"
                          + $"<input id=\"{E(score)}\" name=\"{E(score)}\" type=\"text\" inputmode=\"decimal\" autocomplete=\"off\" value=\"{E(form.Value(score))}\"{Invalid(form, score)}>")
                    .Append(Errors(form, score))
                    .Append($"<label for=\"{E(note)}\">说明（可不填）</label><textarea id=\"{E(note)}\" name=\"{E(note)}\" rows=\"2\">{E(form.Value(note))}</textarea>")
                    .Append(evidence is null ? string.Empty : Upload(link, item.Id, evidence.GetValueOrDefault(item.Id)))
                    .Append("</div>");
            }
        }

        if (template.Bonus is { Items.Count: > 0 } bonus)
        {
            html.Append($"<h2>{numbers.Dequeue()}、加分项目</h2><p>有则填写，没有可不填（加分合计最多 {E(bonus.Cap)} 分）。</p>");
            foreach (var item in bonus.Items)
            {
                var points = "bonus_" + item.Id;
                var note = "bonusnote_" + item.Id;
                html.Append($"<div class=\"item\"><p><strong>{E(item.Name)}</strong> <span class=\"points\">（最多 {E(item.Points)} 分）</span></p>")
                    .Append(Evidence(item.Evidence))
                    .Append($"<label for=\"{E(points)}\">申请加分</label><input id=\"{E(points)}\" name=\"{E(points)}\" type=\"text\" inputmode=\"decimal\" autocomplete=\"off\" value=\"{E(form.Value(points))}\"{Invalid(form, points)}>")
                    .Append(Errors(form, points))
                    .Append($"<label for=\"{E(note)}\">说明</label><textarea id=\"{E(note)}\" name=\"{E(note)}\" rows=\"2\">{E(form.Value(note))}</textarea>")
                    .Append(evidence is null ? string.Empty : Upload(link, item.Id, evidence.GetValueOrDefault(item.Id)))
                    .Append("</div>");
            }
        }

        html.Append($"<h2>{numbers.Dequeue()}、自查报告</h2>");
        foreach (var (field, label, hint) in UnitForm.ReportFields)
        {
            html.Append($"<label for=\"{E(field)}\">{E(label)}</label><p class=\"hint\" id=\"{E(field)}_hint\">{E(hint)}</p>")
                .Append($"<textarea id=\"{E(field)}\" name=\"{E(field)}\" rows=\"4\" aria-describedby=\"{E(field)}_hint\"{Invalid(form, field)}>{E(form.Value(field))}</textarea>")
                .Append(Errors(form, field));
        }

        html.Append("<div class=\"actions\"><button type=\"submit\">提交自评</button>")
            .Append($"<button type=\"submit\" class=\"secondary\" formaction=\"/u/{E(link.Token)}/draft\">保存草稿</button></div></form>");
        return html.ToString();
    }

    public static string Status(UnitLink link, string unitName, StandardTemplate template, CaseRecord @case, IReadOnlyList<AuditEntry> history, Func<string, string> committeeName,
        IReadOnlyDictionary<string, IReadOnlyList<(LedgerRecord Ledger, string Url)>> evidence)
    {
        var html = new StringBuilder();
        html.Append($"<h1>{E(unitName)} · {E(Year(@case.Year))}年度自评</h1>");
        html.Append(@case.State.IsDecided
            ? $"<div class=\"notice{(@case.State.Status == CaseStatus.Passed ? " ok" : string.Empty)}\" role=\"status\"><p>本年度自评已办结，结果：<strong>{E(ResultRows.StatusName(@case.State.Status))}</strong>。</p></div>"
            : "<div class=\"notice ok\" role=\"status\"><p>自评已提交，正在审核中。审核有结果后会发邮件通知您。</p></div>");
        html.Append(Facts(@case, template, committeeName))
            .Append($"<p><a class=\"button secondary\" href=\"/u/{E(link.Token)}/receipt\">查看、打印回执</a></p>");
        // Evidence is frozen at submission (the reviewers judge what was submitted): the unit sees what it
        // submitted, by name, size and time; a case returned for rectification opens the form again instead.
        if (evidence.Count > 0)
        {
            html.Append("<h2>已提交的佐证材料</h2><p>佐证材料已随申报一并封存，审核期间不能再上传。如申报被退回整改，可在整改时补充。</p>");
            foreach (var item in template.AllItems.Where(i => evidence.ContainsKey(i.Id)))
            {
                html.Append($"<div class=\"item\"><p><strong>{E(item.Name)}</strong></p>").Append(EvidenceView.SubmittedList(item.Id, evidence[item.Id])).Append("</div>");
            }
        }

        html.Append(Decisions(@case)).Append(History(history));
        return html.ToString();
    }

    public static string Receipt(UnitLink link, string unitName, StandardTemplate template, CaseRecord @case) =>
        $"<h1>自评提交回执</h1><div class=\"notice ok\" role=\"status\"><p>{E(unitName)}的 {E(Year(@case.Year))} 年度自评已经提交成功。请记下受理编号，咨询时报这个编号即可。</p></div>"
        + $"<p class=\"case-number\">受理编号：<strong>{E(@case.CaseId)}</strong></p>"
        + "<dl class=\"facts\">"
        + $"<dt>活动</dt><dd>{E(link.Campaign.Settings.Name)}</dd>"
        + $"<dt>单位</dt><dd>{E(unitName)}（{E(@case.UnitCode)}）</dd>"
        + $"<dt>提交时间</dt><dd>{E(CaseMail.China(@case.Submission.SubmittedAt))}</dd>"
        + $"<dt>提交人</dt><dd>{E(@case.Submission.SubmittedBy)}</dd>"
        + $"<dt>自评得分</dt><dd>{E(@case.SelfSummary.Total)} 分（达标线 {E(template.PassThreshold)} 分）</dd>"
        + $"<dt>当前状态</dt><dd>{E(ResultRows.StatusName(@case.State.Status))}</dd>"
        + "</dl>"
        + $"<p><button type=\"button\" data-print>打印回执</button> <a class=\"button secondary\" href=\"/u/{E(link.Token)}\">返回填报页面</a></p>";

    public static string Facts(CaseRecord @case, StandardTemplate template, Func<string, string> committeeName)
    {
        var html = new StringBuilder("<dl class=\"facts\">")
            .Append($"<dt>受理编号</dt><dd>{E(@case.CaseId)}</dd>")
            .Append($"<dt>当前状态</dt><dd><strong>{E(ResultRows.StatusName(@case.State.Status))}</strong>{(@case.State.Escalated ? " <span class=\"badge\">逾期上报</span>" : string.Empty)}</dd>")
            .Append($"<dt>提交时间</dt><dd>{E(CaseMail.China(@case.Submission.SubmittedAt))}</dd>")
            .Append($"<dt>自评得分</dt><dd>{E(@case.SelfSummary.Total)} 分（达标线 {E(template.PassThreshold)} 分）</dd>");
        if (@case.Task is { } task && @case.State.IsWithReviewer)
        {
            var committee = committeeName(task.CommitteeCode);
            html.Append($"<dt>正在办理</dt><dd>{E(committee)}（{E(WorkflowServices.StageName(@case, task.Stage))}，第{task.Round}轮）</dd>")
                .Append(task.DueAt is { } due ? $"<dt>办理期限</dt><dd>{E(CaseMail.China(due))}{E(Calendars.ProvisionalDates.Suffix(Calendars.ProvisionalDates.Of(task.UnconfirmedCalendarYears)))}</dd>" : string.Empty);
        }

        if (@case.Verdict is { } verdict)
        {
            html.Append($"<dt>最终得分</dt><dd>{E(verdict.Summary.Total)} 分</dd>");
        }

        return html.Append("</dl>").ToString();
    }

    public static string Decisions(CaseRecord @case)
    {
        if (@case.Outcomes.Count == 0)
        {
            return string.Empty;
        }

        var html = new StringBuilder("<h2>审核意见</h2><div class=\"table-wrap\"><table><caption class=\"sr-only\">各级审核意见</caption><thead><tr><th scope=\"col\">时间</th><th scope=\"col\">审核人</th><th scope=\"col\">结果</th><th scope=\"col\">意见</th></tr></thead><tbody>");
        foreach (var outcome in @case.Outcomes)
        {
            html.Append($"<tr><td>{E(CaseMail.China(outcome.At))}</td><td>{E(outcome.ReviewerName)}</td><td>{E(ReviewPages.ActionLabel(outcome.Action))}{(outcome.ReviewTotal is { } total ? $"（{E(total)} 分）" : string.Empty)}</td><td>{E(outcome.Reason)}</td></tr>");
        }

        return html.Append("</tbody></table></div>").ToString();
    }

    public static string History(IReadOnlyList<AuditEntry> history)
    {
        if (history.Count == 0)
        {
            return string.Empty;
        }

        var html = new StringBuilder("<h2>办理记录</h2><ol class=\"history\">");
        foreach (var entry in history)
        {
            html.Append($"<li>{E(CaseMail.China(entry.At))}：<strong>{E(entry.Action)}</strong>{(entry.Detail is { Length: > 0 } d ? "，" + E(d) : string.Empty)}</li>");
        }

        return html.Append("</ol>").ToString();
    }

    private static string Upload(UnitLink link, string itemId, IReadOnlyList<(LedgerRecord Ledger, string Url)>? files) =>
        $"<div class=\"upload\" data-upload data-case=\"{E(link.CaseId)}\" data-item=\"{E(itemId)}\" data-token=\"{E(link.Credential)}\">"
        + $"<label for=\"file_{E(itemId)}\">上传佐证材料（可多选）</label>"
        + $"<input type=\"file\" id=\"file_{E(itemId)}\" multiple accept=\".pdf,.jpg,.jpeg,.png,.doc,.docx,.xls,.xlsx,image/*,application/pdf\">"
        + $"<progress max=\"100\" value=\"0\" aria-label=\"上传进度\"></progress><p class=\"upload-status\" role=\"status\"></p>"
        + "<p class=\"files-title\">已上传的材料：</p>"
        + EvidenceView.FileList(itemId, files)
        + "</div>"
        + "<p class=\"nojs-note\">上传材料需要浏览器允许运行脚本。如无法上传，可在审核时把材料交给上级关工委。</p>";

    private static string Evidence(IReadOnlyList<string> evidence) =>
        evidence.Count == 0 ? string.Empty : $"<p class=\"evidence\">需要的佐证材料：{E(string.Join("；", evidence ?? NoFiles))}</p>";

    private static string Errors(UnitForm form, string field) =>
        string.Concat(form.ErrorsFor(field).Select(m => $"<p class=\"error\" id=\"{E(field)}_error\">{E(m)}</p>"));

    private static string Invalid(UnitForm form, string field) =>
        form.ErrorsFor(field).Count > 0 ? " aria-invalid=\"true\"" : string.Empty;

    private static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// A yes/no item (是/否): it scores its full points or 0, nothing between, so it is a choice and not a number to type.
    /// The radios post the score itself, as the numeric field would.
    /// </summary>
    internal static string YesNo(string field, decimal points, string? value, string who, string invalid)
    {
        var full = E(points);
        var yes = value is { Length: > 0 } v && v != "0" && decimal.TryParse(v, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var d) && d == points;
        var no = value == "0";
        return $"<fieldset class=\"yesno\"{invalid}><legend>{E(who)}（是/否）</legend>"
            + $"<label class=\"choice\"><input type=\"radio\" name=\"{E(field)}\" value=\"{full}\"{(yes ? " checked" : string.Empty)}> 是（{full} 分）</label>"
            + $"<label class=\"choice\"><input type=\"radio\" name=\"{E(field)}\" value=\"0\"{(no ? " checked" : string.Empty)}> 否（0 分）</label></fieldset>";
    }
}
