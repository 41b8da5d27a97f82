using GuanGong.Functions.Calendars;
using GuanGong.Functions.Http;
using Microsoft.Azure.Functions.Worker;

namespace GuanGong.Functions.Pages;

/// <summary>The dashboard's 催报 button: sends a unit that has not submitted its link again, then returns to the dashboard.</summary>
public sealed class CalendarPages(HttpGate gate, DashboardSession session, Access access, SubmissionChaser chaser, Organisations.CommitteeDirectory directory)
{
    [Function("DashboardResendLink")]
    public Task<IResult> Resend(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "d/{campaignId}/units/{unitCode}/resend")] HttpRequest request,
        string campaignId,
        string unitCode,
        CancellationToken ct) =>
        gate.RunAsync(request, async () =>
        {
            var http = request.HttpContext;
            var caller = await session.IsSignedInAsync(http, ct) ? new AdminCaller() : await access.ResolveAsync(http, ct);
            var year = int.TryParse(request.Query["year"].FirstOrDefault(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var y) ? y : (int?)null;
            var (mailedTo, _) = await chaser.ResendAsync(caller, campaignId, unitCode, year, ct);
            if (mailedTo is null)
            {
                return PageLayout.Message("没有发送", caller is null ? "请先登录或使用统计链接打开。" : "该单位已经提交，或不在您可以查看的范围内，或没有联系人邮箱。", caller is null ? StatusCodes.Status401Unauthorized : StatusCodes.Status409Conflict);
            }

            var name = (await directory.GetTreeAsync(ct)).Find(unitCode)?.Name ?? string.Empty;
            var back = $"/d/{Uri.EscapeDataString(campaignId)}?root={Uri.EscapeDataString(request.Query["root"].ToString())}&year={Uri.EscapeDataString(request.Query["year"].ToString())}"
                + (request.Query["t"].ToString() is { Length: > 0 } t ? "&t=" + Uri.EscapeDataString(t) : string.Empty)
                + "&resent=" + Uri.EscapeDataString(name) + "#calendar";
            return Results.Redirect(back, permanent: false, preserveMethod: false);
        });
}
