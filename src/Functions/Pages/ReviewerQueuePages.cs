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
/// <remarks>
/// The list's links carry no token: each is <c>/r/{handle}/pending/{entry}</c>, under the path of the link that opened
/// the list (so the browser sends that link's cookie with it), where the entry is a one-purpose handle of one task on
/// the list, derived from the opening link's token. Following it signs that task's link afresh and exchanges it as a
/// mailed link is exchanged (<see cref="LinkCookies.Grant"/>): a cookie for the task's own path and a 303 to it. The
/// page HTML, the host's request logs and any Referer see handles only; a handle opens nothing without the cookie.
/// </remarks>
public sealed class ReviewerQueuePages(HttpGate gate, DecisionService decisions, CaseStore cases, ReviewLinks links, LinkCookies cookies, TimeProvider time, Standards.StandardNames standardNames)
{
    [Function("ReviewerPending")]
    public Task<IResult> Pending(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "r/{token}/pending")] HttpRequest request,
        string token,
        CancellationToken ct) =>
        gate.RunAsync(request, async () =>
        {
            var (link, pending) = await OpenAsync(request, token, ct);
            if (link is null)
            {
                return Unavailable();
            }

            var items = pending.Select(p => new Components.ReviewerQueueBody.Item(
                p.Case, p.Case.Task!, $"/r/{LinkCookies.HandleOf(link.Token)}/pending/{EntryOf(link.Token, p.Case, p.Assignee)}")).ToList();
            var standardName = await standardNames.ForCaseAsync(link.Case.CampaignId, link.Case.Submission.SelfSheet.Template, ct);
            return RazorPage.Of<Components.ReviewerQueueBody>("待审核", new Components.ReviewerQueueBody.Data(link.Assignee!.Name, items, time.GetUtcNow()), standardName: standardName);
        });

    [Function("ReviewerPendingOpen")]
    public Task<IResult> Open(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "r/{token}/pending/{entry}")] HttpRequest request,
        string token,
        string entry,
        CancellationToken ct) =>
        gate.RunAsync(request, async () =>
        {
            var (link, pending) = await OpenAsync(request, token, ct);
            if (link is null)
            {
                return Unavailable();
            }

            var (@case, assignee) = pending.FirstOrDefault(p => EntryOf(link.Token, p.Case, p.Assignee) == entry);
            if (@case is null)
            {
                return PageLayout.Message("此项已不在待办中", "这项审核已经办理或已转交。请返回待办列表刷新后再打开。", StatusCodes.Status404NotFound);
            }

            var signed = new Uri(links.TaskLink(@case.CaseId, @case.Task!.Stage, assignee.Email, assignee.Nonce, link.Claims.ExpiresAt)).Segments[^1];
            var path = cookies.Grant(request.HttpContext, "r", signed, link.Claims.ExpiresAt);
            request.HttpContext.Response.Headers.CacheControl = "no-store";
            return Results.Redirect(path);
        });

    /// <summary>The opening link and the tasks on its list, or no link when it is invalid, expired, spent or superseded.</summary>
    private async Task<(TaskLinkContext? Link, List<(CaseRecord Case, TaskAssignee Assignee)> Pending)> OpenAsync(HttpRequest request, string token, CancellationToken ct)
    {
        var (link, _, _) = await decisions.OpenAsync(LinkCookies.TokenFor(request, token), ct);
        if (link is null || link.Assignee is null || await decisions.FindDecisionAsync(link, ct) is not null)
        {
            return (null, []);
        }

        var email = link.Claims.ReviewerEmail;
        var pending = (await cases.ListAsync(link.Case.CampaignId, link.Case.Year, ct))
            .Where(c => c.State.IsWithReviewer && c.Task is not null)
            .Select(c => (Case: c, Assignee: c.Task!.Assignees.FirstOrDefault(a => string.Equals(a.Email, email, StringComparison.OrdinalIgnoreCase))))
            .Where(p => p.Assignee is not null)
            .OrderBy(p => p.Case.Task!.DueAt ?? DateTimeOffset.MaxValue)
            .ThenBy(p => p.Case.UnitName, StringComparer.Ordinal)
            .Select(p => (p.Case, p.Assignee!))
            .ToList();
        return (link, pending);
    }

    private static IResult Unavailable() =>
        PageLayout.Message("无法显示待办", "此链接无效、已过期或已经办理。请打开最新一封审核邮件中的链接，再查看全部待办。", StatusCodes.Status403Forbidden);

    /// <summary>
    /// A list entry's handle: a hash of the opening link's token with the task and the reviewer's nonce on it. Only the
    /// holder of that token (its cookie) can follow it, and it stops matching once the task moves on.
    /// </summary>
    private static string EntryOf(string openingToken, CaseRecord @case, TaskAssignee assignee) =>
        LinkCookies.HandleOf($"{openingToken}|{@case.CaseId}|{@case.Task!.TaskId}|{assignee.Nonce}")[LinkCookies.HandlePrefix.Length..][..20];
}
