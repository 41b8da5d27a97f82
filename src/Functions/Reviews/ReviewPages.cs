using GuanGong.Domain.Links;
using GuanGong.Domain.Standards;
using GuanGong.Functions.Audit;
using GuanGong.Functions.Cases.Workflow;
using GuanGong.Functions.Http;
using GuanGong.Functions.Pages;
using GuanGong.Functions.Standards;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using GuanGong.Functions.Pages.Components;

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
                return AlreadyDecided(decided, link.Case);
            }

            if (link.Assignee is null)
            {
                return PageLayout.Message("链接已失效", link.Case.State.IsDecided ? "该申报已办结，无需再办理。" : "此链接对应的审核任务已结束或已转交他人办理。", StatusCodes.Status410Gone);
            }

            var template = await templates.FindAsync(link.Case.Submission.SelfSheet.Template, ct);
            var files = await evidence.ListAsync(link.Case.CaseId, link.Claims.ReviewerEmail, ct);
            var standardName = await standardNames.ForCaseAsync(link.Case.CampaignId, link.Case.Submission.SelfSheet.Template, ct);
            return Review(link, template!, nonces.Issue(link.Claims.Nonce, link.Claims.ReviewerEmail), null, [], files, StatusCodes.Status200OK, standardName);
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
                    ? Review(link, template, nonce, review, problems, await evidence.ListAsync(link.Case.CaseId, link.Claims.ReviewerEmail, ct), StatusCodes.Status400BadRequest, null)
                    : Confirm(link, template, nonce, review);
            }

            var outcome = await decisions.DecideAsync(new CaseWorkflowClient(engine), link, review.Action ?? (ReviewAction)(-1), review.Reason, review.Sheet, RequestOrigin.From(http), ct);
            return outcome switch
            {
                DecisionOutcome.Recorded recorded => RazorPage.Of<DecidedBody>("已办理", new DecidedBody.Data(recorded.Decision, JustNow: true, Cases.CaseNumbers.For(link.Case))),
                DecisionOutcome.AlreadyDecided already => AlreadyDecided(already.Decision, link.Case),
                DecisionOutcome.TaskClosed closed => PageLayout.Message("链接已失效", closed.ReasonZh, StatusCodes.Status410Gone),
                DecisionOutcome.Invalid invalid => Review(link, template, nonces.Issue(link.Claims.Nonce, link.Claims.ReviewerEmail), review, invalid.Errors, await evidence.ListAsync(link.Case.CaseId, link.Claims.ReviewerEmail, ct), StatusCodes.Status400BadRequest, null),
                _ => throw new InvalidOperationException("Unknown decision outcome."),
            };
        });

    internal static string ActionLabel(ReviewAction action) => action switch
    {
        ReviewAction.Approve => "同意",
        ReviewAction.Return => "退回整改",
        ReviewAction.Reject => "不予通过",
        _ => "办理",
    };

    private static IResult Refused(TokenRefusal? refusal, bool missing) => missing
        ? PageLayout.Message("找不到申报", "此链接指向的申报不存在。", StatusCodes.Status404NotFound)
        : refusal switch
        {
            TokenRefusal.Expired => PageLayout.Message("链接已过期", "此审核链接已过期。请联系上级关工委重新发送。", StatusCodes.Status403Forbidden),
            _ => PageLayout.Message("链接无效", "此链接无效或不完整。请检查是否完整复制了邮件中的链接。", StatusCodes.Status403Forbidden),
        };

    private static IResult AlreadyDecided(ReviewDecisionRecord decision, Cases.CaseRecord @case) =>
        RazorPage.Of<DecidedBody>("已办理", new DecidedBody.Data(decision, JustNow: false, Cases.CaseNumbers.For(@case)), StatusCodes.Status409Conflict);

    private static IResult Review(TaskLinkContext link, StandardTemplate template, string formNonce, ReviewForm? posted, IReadOnlyList<Domain.ValidationError> errors,
        IReadOnlyDictionary<string, IReadOnlyList<(Ledgers.LedgerRecord Ledger, string Url)>> evidence, int statusCode, string? standardName) =>
        RazorPage.Of<ReviewBody>("审核", new ReviewBody.Data(TokenOf(link), link.Case, link.Assignee!.Name, template, formNonce, posted, errors, evidence), statusCode, standardName: standardName);

    private static IResult Confirm(TaskLinkContext link, StandardTemplate template, string formNonce, ReviewForm review)
    {
        var total = review.Sheet is null ? link.Case.SelfSummary.Total : Domain.Scoring.ScoreCalculator.Summarise(template, review.Sheet).Total;
        return RazorPage.Of<ConfirmBody>("请确认", new ConfirmBody.Data(TokenOf(link), link.Case.UnitName, review, total, formNonce));
    }

    // The link's token is the page's own URL segment; it is re-derived rather than trusted from the form.
    private static string TokenOf(TaskLinkContext link) => LinkCookies.HandleOf(link.Token);
}
