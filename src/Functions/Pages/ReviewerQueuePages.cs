using System.Text;
using GuanGong.Functions.Cases;
using GuanGong.Functions.Cases.Workflow;
using GuanGong.Functions.Http;
using GuanGong.Functions.Reviews;
using Microsoft.Azure.Functions.Worker;
using static GuanGong.Functions.Pages.Html;

namespace GuanGong.Functions.Pages;

/// <summary>
/// <c>GET /r/{token}/pending</c>: everything the holder of a live task link currently has to review in
/// the same campaign year, each with its own review link. The links are re-signed with the nonce
/// already recorded for that reviewer on each task, so they act on nothing the reviewer was not sent;
/// they expire no later than the link that opened the list, and a spent or superseded link opens no list.
/// GET changes nothing.
/// </summary>
public sealed class ReviewerQueuePages(HttpGate gate, DecisionService decisions, CaseStore cases, ReviewLinks links, TimeProvider time)
{
    [Function("ReviewerPending")]
    public Task<IResult> Pending(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "r/{token}/pending")] HttpRequest request,
        string token,
        CancellationToken ct) =>
        gate.RunAsync(request, async () =>
        {
            var (link, _, _) = await decisions.OpenAsync(LinkCookies.TokenFor(request, token), ct);
            if (link is null || link.Assignee is null || await decisions.FindDecisionAsync(link, ct) is not null)
            {
                return PageLayout.Message("无法显示待办", "此链接无效、已过期或已经办理。请打开最新一封审核邮件中的链接，再查看全部待办。", StatusCodes.Status403Forbidden);
            }

            var email = link.Claims.ReviewerEmail;
            var pending = (await cases.ListAsync(link.Case.CampaignId, link.Case.Year, ct))
                .Where(c => c.State.IsWithReviewer && c.Task is not null)
                .Select(c => (Case: c, Assignee: c.Task!.Assignees.FirstOrDefault(a => string.Equals(a.Email, email, StringComparison.OrdinalIgnoreCase))))
                .Where(p => p.Assignee is not null)
                .OrderBy(p => p.Case.Task!.DueAt ?? DateTimeOffset.MaxValue)
                .ThenBy(p => p.Case.UnitName, StringComparer.Ordinal)
                .ToList();
            var html = new StringBuilder($"<h1>待审核（{pending.Count} 个单位）</h1><p class=\"lead\">{E(link.Assignee.Name)}，以下是您目前需要办理的全部自评。逐个打开办理即可。</p><ol class=\"pending\">");
            var expiresAt = link.Claims.ExpiresAt;
            foreach (var (@case, assignee) in pending)
            {
                var task = @case.Task!;
                var path = new Uri(links.TaskLink(@case.CaseId, task.Stage, assignee!.Email, assignee.Nonce, expiresAt)).PathAndQuery;
                html.Append($"<li><a href=\"{E(path)}\"><strong>{E(@case.UnitName)}</strong></a>{(task.Escalated ? " <span class=\"badge\">逾期上报</span>" : string.Empty)}<br>")
                    .Append($"受理编号 {E(CaseNumbers.For(@case))} · {E(WorkflowServices.StageName(@case, task.Stage))} · 自评 {E(@case.SelfSummary.Total)} 分")
                    .Append(task.DueAt is { } due ? $"<br>办理期限：{E(ChinaDates.Deadline(due))}{E(Calendars.ProvisionalDates.Suffix(Calendars.ProvisionalDates.Of(task.UnconfirmedCalendarYears)))}{(due < time.GetUtcNow() ? " <span class=\"badge\">已逾期</span>" : string.Empty)}" : string.Empty)
                    .Append("</li>");
            }

            html.Append("</ol>");
            return PageLayout.Render("待审核", html.ToString());
        });
}
