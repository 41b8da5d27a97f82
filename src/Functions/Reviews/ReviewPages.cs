using System.Text;
using GuanGong.Domain.Links;
using GuanGong.Domain.Standards;
using GuanGong.Functions.Audit;
using GuanGong.Functions.Cases.Workflow;
using GuanGong.Functions.Http;
using GuanGong.Functions.Pages;
using GuanGong.Functions.Standards;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using static GuanGong.Functions.Pages.Html;

namespace GuanGong.Functions.Reviews;

/// <summary>
/// The page behind a reviewer's emailed link. GET shows the case and the decision form and changes
/// nothing (mail scanners fetch links); POST needs the form nonce of a page rendered moments ago;
/// the first POST shows a confirmation, the second acts. A used link shows who decided, and when.
/// </summary>
public sealed class ReviewPages(HttpGate gate, DecisionService decisions, TemplateResolver templates, FormNonces nonces, EvidenceView evidence, StandardNames standardNames)
{
    [Function("ReviewPage")]
    public Task<IResult> Show(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "r/{token}")] HttpRequest request,
        string token,
        CancellationToken ct) =>
        gate.RunAsync(request, async () =>
        {
            var (link, refusal, missing) = await decisions.OpenAsync(LinkCookies.TokenFor(request, token), ct);
            if (link is null)
            {
                return Refused(refusal, missing);
            }

            if (await decisions.FindDecisionAsync(link, ct) is { } decided)
            {
                return AlreadyDecided(decided);
            }

            if (link.Assignee is null)
            {
                return PageLayout.Message("链接已失效", link.Case.State.IsDecided ? "该申报已办结，无需再办理。" : "此链接对应的审核任务已结束或已转交他人办理。", StatusCodes.Status410Gone);
            }

            var template = await templates.FindAsync(link.Case.Submission.SelfSheet.Template, ct);
            var files = await evidence.ListAsync(link.Case.CaseId, link.Claims.ReviewerEmail, ct);
            var standardName = await standardNames.ForCaseAsync(link.Case.CampaignId, link.Case.Submission.SelfSheet.Template, ct);
            return PageLayout.Render("审核", ReviewBody(link, template!, nonces.Issue(link.Claims.Nonce, link.Claims.ReviewerEmail), null, [], files), standardName: standardName);
        });

    [Function("ReviewDecide")]
    public Task<IResult> Decide(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "r/{token}")] HttpRequest request,
        string token,
        [DurableClient] DurableTaskClient engine,
        CancellationToken ct) =>
        gate.RunAsync(request, async () =>
        {
            var http = request.HttpContext;
            var (link, refusal, missing) = await decisions.OpenAsync(LinkCookies.TokenFor(request, token), ct);
            if (link is null)
            {
                return Refused(refusal, missing);
            }

            if (!http.Request.HasFormContentType)
            {
                return PageLayout.Message("无法办理", "请从邮件中的链接打开审核页面后再提交。", StatusCodes.Status400BadRequest);
            }

            var form = await http.Request.ReadFormAsync(ct);
            if (!nonces.IsValid(form["formNonce"], link.Claims.Nonce, link.Claims.ReviewerEmail))
            {
                return PageLayout.Message("页面已过期", "为了安全，请重新点击邮件中的链接，打开审核页面后再提交。", StatusCodes.Status403Forbidden);
            }

            var template = (await templates.FindAsync(link.Case.Submission.SelfSheet.Template, ct))!;
            var review = ReviewForm.Read(form, link.Case, template);
            if (form["step"] != "confirm")
            {
                var problems = new List<Domain.ValidationError>();
                if (review.Action is null)
                {
                    problems.Add(new("action", "decision.action_missing", "请选择办理结果。", "Choose an action."));
                }
                else if (review.Action is ReviewAction.Return or ReviewAction.Reject && string.IsNullOrWhiteSpace(review.Reason))
                {
                    problems.Add(new("reason", "decision.reason_required", "退回整改或不予通过时，必须填写理由。", "A reason is required."));
                }

                if (review.Sheet is not null)
                {
                    problems.AddRange(Domain.Scoring.ScoreSheetValidator.Validate(review.Sheet, template));
                }

                var nonce = nonces.Issue(link.Claims.Nonce, link.Claims.ReviewerEmail);
                return problems.Count > 0
                    ? PageLayout.Render("审核", ReviewBody(link, template, nonce, review, problems, await evidence.ListAsync(link.Case.CaseId, link.Claims.ReviewerEmail, ct)), StatusCodes.Status400BadRequest)
                    : PageLayout.Render("请确认", ConfirmBody(link, template, nonce, review));
            }

            var outcome = await decisions.DecideAsync(new CaseWorkflowClient(engine), link, review.Action ?? (ReviewAction)(-1), review.Reason, review.Sheet, RequestOrigin.From(http), ct);
            return outcome switch
            {
                DecisionOutcome.Recorded recorded => PageLayout.Render("已办理", $"<h1>已办理</h1><div class=\"notice ok\"><p>您的意见（{E(ActionLabel(recorded.Decision.Action))}）已记录，系统将自动转入下一步。谢谢！</p></div><p>受理编号：{E(link.Case.CaseId)}</p>"),
                DecisionOutcome.AlreadyDecided already => AlreadyDecided(already.Decision),
                DecisionOutcome.TaskClosed closed => PageLayout.Message("链接已失效", closed.ReasonZh, StatusCodes.Status410Gone),
                DecisionOutcome.Invalid invalid => PageLayout.Render("审核", ReviewBody(link, template, nonces.Issue(link.Claims.Nonce, link.Claims.ReviewerEmail), review, invalid.Errors, await evidence.ListAsync(link.Case.CaseId, link.Claims.ReviewerEmail, ct)), StatusCodes.Status400BadRequest),
                _ => throw new InvalidOperationException("Unknown decision outcome."),
            };
        });

    internal static string ActionLabel(ReviewAction action) => action switch
    {
        ReviewAction.Approve => "同意",
        ReviewAction.Return => "退回整改",
        ReviewAction.Reject => "不予通过",
        _ => action.ToString(),
    };

    private static IResult Refused(TokenRefusal? refusal, bool missing) => missing
        ? PageLayout.Message("找不到申报", "此链接指向的申报不存在。", StatusCodes.Status404NotFound)
        : refusal switch
        {
            TokenRefusal.Expired => PageLayout.Message("链接已过期", "此审核链接已过期。请联系上级关工委重新发送。", StatusCodes.Status403Forbidden),
            _ => PageLayout.Message("链接无效", "此链接无效或不完整。请检查是否完整复制了邮件中的链接。", StatusCodes.Status403Forbidden),
        };

    private static IResult AlreadyDecided(ReviewDecisionRecord decision) => PageLayout.Render(
        "已办理",
        $"<h1>此任务已办理</h1><div class=\"notice ok\"><p>已由 <strong>{E(decision.ReviewerName)}</strong> 于 {E(CaseMail.China(decision.DecidedAt))} 办理，结果：<strong>{E(ActionLabel(decision.Action))}</strong>。</p>"
        + (decision.Reason is { } r ? $"<p>理由：{E(r)}</p>" : string.Empty) + "</div><p>无需再次办理。</p>",
        StatusCodes.Status409Conflict);

    private static string ReviewBody(TaskLinkContext link, StandardTemplate template, string formNonce, ReviewForm? posted, IReadOnlyList<Domain.ValidationError> errors,
        IReadOnlyDictionary<string, IReadOnlyList<(Ledgers.LedgerRecord Ledger, string Url)>> evidence)
    {
        var @case = link.Case;
        var task = @case.Task!;
        var html = new StringBuilder();
        html.Append($"<h1>{E(@case.UnitName)} · {E(@case.Year.ToString(System.Globalization.CultureInfo.InvariantCulture))}年度自评{(task.Escalated ? " <span class=\"badge\">逾期上报</span>" : string.Empty)}</h1>");
        html.Append("<dl class=\"facts\">")
            .Append($"<dt>受理编号</dt><dd>{E(@case.CaseId)}</dd>")
            .Append($"<dt>办理环节</dt><dd>{E(WorkflowServices.StageName(@case, task.Stage))}（第{task.Stage}级，第{task.Round}轮）</dd>")
            .Append($"<dt>办理人</dt><dd>{E(link.Assignee!.Name)}</dd>")
            .Append(task.DueAt is { } due ? $"<dt>办理期限</dt><dd>{E(CaseMail.China(due))}{E(Calendars.ProvisionalDates.Suffix(Calendars.ProvisionalDates.Of(task.UnconfirmedCalendarYears)))}</dd>" : string.Empty)
            .Append($"<dt>自评得分</dt><dd><strong>{E(@case.SelfSummary.Total)}</strong> 分（达标线 {E(template.PassThreshold)} 分）</dd>")
            .Append("</dl>")
            .Append($"<p><a href=\"/r/{E(TokenOf(link))}/pending\">查看我的全部待审核单位</a></p>");
        if (errors.Count > 0)
        {
            html.Append("<div class=\"notice\" role=\"alert\"><p><strong>请修改以下内容：</strong></p><ul>")
                .Append(string.Concat(errors.Select(e => $"<li>{E(e.MessageZh)}</li>"))).Append("</ul></div>");
        }

        html.Append($"<form method=\"post\" action=\"/r/{E(TokenOf(link))}\"><input type=\"hidden\" name=\"formNonce\" value=\"{E(formNonce)}\"><input type=\"hidden\" name=\"step\" value=\"review\">");
        html.Append("<h2>自评报告</h2>");
        var report = @case.Submission.Report;
        foreach (var (label, text) in new[] { ("党委支持", report.PartySupport), ("自身建设", report.OwnBuildUp), ("部门配合", report.DepartmentCooperation), ("工作成效", report.Results), ("主要问题", report.MainProblems) })
        {
            html.Append($"<h3>{E(label)}</h3><p>{E(text)}</p>");
        }

        html.Append("<h2>逐项评分</h2><p>如同意自评得分，无需修改；如调整得分，低于满分的项目须写明扣分理由。</p>");
        for (var ci = 0; ci < template.Criteria.Count; ci++)
        {
            var criterion = template.Criteria[ci];
            html.Append($"<h3>{E(criterion.Name)}</h3>");
            for (var ii = 0; ii < criterion.Items.Count; ii++)
            {
                var item = criterion.Items[ii];
                var path = $"criteria[{ci}].items[{ii}]";
                var self = @case.Submission.SelfSheet.Items.FirstOrDefault(i => i.ItemId == item.Id);
                var value = posted?.Raw.GetValueOrDefault("score_" + item.Id) ?? E(self?.Score ?? 0);
                var reason = posted?.Raw.GetValueOrDefault("reason_" + item.Id) ?? string.Empty;
                var itemErrors = errors.Where(e => e.Path.Contains($"items[{template.AllItems.ToList().FindIndex(i => i.Id == item.Id)}]", StringComparison.Ordinal)).ToList();
                html.Append($"<div class=\"item\"><p><strong>{E(item.Name)}</strong>{ExampleMark(template, path + ".name")} <span class=\"points\">（满分 {E(item.Points)} 分{ExampleMark(template, path + ".points")}）</span></p>")
                    .Append($"<p class=\"evidence\">佐证材料：{E(string.Join("；", item.Evidence))}</p>")
                    .Append("<div class=\"scores\">")
                    .Append($"<p class=\"self\">自评：<strong>{E(self?.Score ?? 0)}</strong> 分</p>")
                    .Append(item.YesNo == true
                        ? $"<div>{Pages.UnitPageViews.YesNo("score_" + item.Id, item.Points, value, "审核", string.Empty)}</div>"
                        : $"<div><label for=\"score_{E(item.Id)}\">审核得分</label><input id=\"score_{E(item.Id)}\" name=\"score_{E(item.Id)}\" type=\"number\" min=\"0\" max=\"{E(item.Points)}\" step=\"0.5\" value=\"{E(value)}\" inputmode=\"decimal\"></div>")
                    .Append("</div>")
                    .Append(self?.Note is { Length: > 0 } note ? $"<p>单位说明：{E(note)}</p>" : string.Empty)
                    .Append(item.Deductions.Count == 0 ? string.Empty : "<p class=\"evidence\">扣分标准：" + E(string.Join("；", item.Deductions.Select(d => d.Description))) + "</p>")
                    .Append("<p class=\"files-title\">佐证材料：</p>")
                    .Append(EvidenceView.Gallery(evidence.GetValueOrDefault(item.Id)))
                    .Append($"<label for=\"reason_{E(item.Id)}\">扣分理由（审核得分低于满分时填写）</label><input id=\"reason_{E(item.Id)}\" name=\"reason_{E(item.Id)}\" type=\"text\" value=\"{E(reason)}\">")
                    .Append(string.Concat(itemErrors.Select(e => $"<p class=\"error\">{E(e.MessageZh)}</p>")))
                    .Append("</div>");
            }
        }

        html.Append("<h2>办理意见</h2><fieldset><legend>办理结果</legend>");
        foreach (var action in Enum.GetValues<ReviewAction>())
        {
            var isChecked = posted?.Action == action ? " checked" : string.Empty;
            html.Append($"<label class=\"choice\"><input type=\"radio\" name=\"action\" value=\"{action}\"{isChecked}> {E(ActionLabel(action))}</label>");
        }

        html.Append("</fieldset>")
            .Append($"<label for=\"reason\">意见或理由（退回、不予通过时必填）</label><textarea id=\"reason\" name=\"reason\">{E(posted?.Reason)}</textarea>")
            .Append("<p><button type=\"submit\">下一步：确认</button></p></form>");
        return html.ToString();
    }

    private static string ConfirmBody(TaskLinkContext link, StandardTemplate template, string formNonce, ReviewForm review)
    {
        var hidden = string.Concat(review.Raw
            .Where(kv => kv.Key is not ("formNonce" or "step"))
            .Select(kv => $"<input type=\"hidden\" name=\"{E(kv.Key)}\" value=\"{E(kv.Value)}\">"));
        var total = review.Sheet is null ? link.Case.SelfSummary.Total : Domain.Scoring.ScoreCalculator.Summarise(template, review.Sheet).Total;
        return $"<h1>请确认办理结果</h1><dl class=\"facts\"><dt>单位</dt><dd>{E(link.Case.UnitName)}</dd><dt>办理结果</dt><dd><strong>{E(ActionLabel(review.Action!.Value))}</strong></dd>"
            + $"<dt>审核得分</dt><dd>{E(total)} 分{(review.Sheet is null ? "（同意自评）" : string.Empty)}</dd><dt>意见</dt><dd>{E(review.Reason)}</dd></dl>"
            + $"<form method=\"post\" action=\"/r/{E(TokenOf(link))}\"><input type=\"hidden\" name=\"formNonce\" value=\"{E(formNonce)}\"><input type=\"hidden\" name=\"step\" value=\"confirm\">{hidden}"
            + "<p><button type=\"submit\">确认提交</button> <a class=\"button secondary\" href=\"\">返回修改</a></p></form>";
    }

    // The page's own URL segment: the link's handle (the token stays in its cookie), re-derived rather than trusted from the form.
    private static string TokenOf(TaskLinkContext link) => LinkCookies.HandleOf(link.Token);
}
