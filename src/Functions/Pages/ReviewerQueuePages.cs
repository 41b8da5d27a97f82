using GuanGong.Functions.Cases;
using GuanGong.Functions.Http;
using GuanGong.Functions.Reviews;
using Microsoft.Azure.Functions.Worker;

namespace GuanGong.Functions.Pages;

/// <summary>
/// <c>GET /r/{token}/pending</c>: everything the holder of a live task link currently has to review in
/// the same campaign year, each with its own review link. The links are re-signed with the nonce
/// already recorded for that reviewer on each task, so they act on nothing the reviewer was not sent;
/// they expire no later than the link that opened the list, and a spent or superseded link opens no list.
/// GET changes nothing.
/// </summary>
public sealed class ReviewerQueuePages(HttpGate gate, DecisionService decisions, CaseStore cases, ReviewLinks links, TimeProvider time, Standards.StandardNames standardNames)
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
            var expiresAt = link.Claims.ExpiresAt;
            var items = pending.Select(p => new Components.ReviewerQueueBody.Item(
                p.Case, p.Case.Task!, new Uri(links.TaskLink(p.Case.CaseId, p.Case.Task!.Stage, p.Assignee!.Email, p.Assignee.Nonce, expiresAt)).PathAndQuery)).ToList();
            var standardName = await standardNames.ForCaseAsync(link.Case.CampaignId, link.Case.Submission.SelfSheet.Template, ct);
            return RazorPage.Of<Components.ReviewerQueueBody>("待审核", new Components.ReviewerQueueBody.Data(link.Assignee.Name, items, time.GetUtcNow()), standardName: standardName);
        });
}
