using System.Globalization;
using GuanGong.Domain.Organisations;
using GuanGong.Functions.Audit;
using GuanGong.Functions.Campaigns;
using GuanGong.Functions.Cases.Workflow;
using GuanGong.Functions.Commendations;
using GuanGong.Functions.Http;
using GuanGong.Functions.LookBacks;
using GuanGong.Functions.Organisations;
using GuanGong.Functions.Pages.Components;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace GuanGong.Functions.Pages;

/// <summary>
/// <c>POST /d/{campaignId}/lookback?year=</c>: the look-back's orders and the naming from the page, through the same
/// services the API uses. Who acts: an administrator signed in acts for the organiser (the county); a committee's
/// dashboard link (<c>?t=</c>) acts for its own committee (a township for its own units). Approving the naming list is
/// the county's alone. Every form carries a nonce bound to the campaign and to who acts, so a mail scanner that follows
/// the link cannot act; bad input answers the form again, in Chinese, with what was typed.
/// </summary>
public sealed class LookBackFormPages(
    HttpGate gate, DashboardSession session, Access access, CampaignStore campaigns, CommitteeDirectory directory, LookBackStore lookBacks,
    LookBackService service, CommendationService commendations, FormNonces nonces)
{
    /// <summary>The notices after an order, by the form's <c>do</c>.</summary>
    private static readonly IReadOnlyDictionary<string, string> DoneNotices = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["draw"] = "已抽取回头看单位。",
        ["finding"] = "已记录检查情况。",
        ["rectify"] = "已下达限期整改，已通知该单位。",
        ["revoke"] = "已撤销该单位的达标资格，统计和乡镇评定已更新。",
        ["name"] = "命名名单已审定，可以下载命名决定和证书名单。",
    };

    [Function("LookBackDashboardPost")]
    public Task<IResult> Post(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "d/{campaignId}/lookback")] HttpRequest request,
        [DurableClient] DurableTaskClient engine,
        string campaignId,
        CancellationToken ct) =>
        gate.RunAsync(request, async () =>
        {
            var http = request.HttpContext;
            var caller = await session.IsSignedInAsync(http, ct) ? new AdminCaller() : await access.ResolveAsync(http, ct);
            if (caller is null)
            {
                return Results.Redirect("/d/login?next=" + Uri.EscapeDataString(http.Request.Path + http.Request.QueryString), permanent: false);
            }

            var campaign = await campaigns.FindAsync(campaignId, ct);
            var tree = await directory.GetTreeAsync(ct);
            if (campaign is null || !tree.Contains(campaign.Settings.OrganiserCode))
            {
                return PageLayout.Message("无法办理", "找不到这次活动。", StatusCodes.Status404NotFound);
            }

            var settings = campaign.Settings;
            if (Acting(caller, settings.OrganiserCode) is not { } acting || !tree.Contains(acting))
            {
                return PageLayout.Message("无法办理", "单位的填报链接不能办理回头看。", StatusCodes.Status403Forbidden, settings.StandardName);
            }

            var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(ct) : null;
            if (form is null || !nonces.IsValid(form["nonce"], NonceSubject(campaignId), NonceHolder(caller, acting)))
            {
                return PageLayout.Message("页面已过期", "页面打开太久或来源不明，请刷新后重新填写。", StatusCodes.Status400BadRequest, settings.StandardName);
            }

            var year = YearOf(request, campaign);
            var t = request.Query["t"].FirstOrDefault();
            var origin = RequestOrigin.From(http);
            var what = form["do"].FirstOrDefault() ?? string.Empty;
            var text = form["text"].FirstOrDefault()?.Trim() ?? string.Empty;
            var person = form["person"].FirstOrDefault()?.Trim() ?? string.Empty;
            var lookBackId = form["lookBack"].FirstOrDefault() ?? string.Empty;
            var unitCode = form["unit"].FirstOrDefault() ?? string.Empty;
            IReadOnlyList<string> errors = what switch
            {
                "draw" => string.IsNullOrWhiteSpace(form["drawnBy"]) ? ["请填写组织人。"]
                    : Errors(await service.DrawAsync(campaignId, acting, new DrawLookBackRequest(acting, year, null, form["drawnBy"].ToString().Trim()), origin, ct)),
                "finding" => Errors(await service.RecordFindingAsync(campaignId, lookBackId, unitCode, acting, new LookBackFindingRequest(text, person), origin, ct)),
                "rectify" => int.TryParse(form["days"], NumberStyles.None, CultureInfo.InvariantCulture, out var days)
                    ? Errors(await service.OrderRectificationAsync(new CaseWorkflowClient(engine), campaignId, lookBackId, unitCode, acting, new LookBackRectificationRequest(text, person, days), origin, ct))
                    : ["整改期限请填写 1 到 60 之间的整数（工作日）。"],
                "revoke" => string.IsNullOrWhiteSpace(person) ? ["请填写决定人。"]
                    : Errors(await service.RevokeAsync(campaignId, lookBackId, unitCode, acting, new LookBackRevocationRequest([.. text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)], person), origin, ct)),
                "name" when acting != settings.OrganiserCode => ["只有组织创建活动的县关工委可以审定命名名单。"],
                "name" when form["named"].Count == 0 => ["请至少勾选一个要命名的单位。"],
                "name" => string.IsNullOrWhiteSpace(form["approvedBy"]) ? ["请填写审定人。"]
                    : Errors(await commendations.ApproveAsync(campaignId, year, new CommendationRequest(form["approvedBy"].ToString().Trim(), [.. form["named"].Where(c => c is { Length: > 0 }).Select(c => c!)]), origin, ct)),
                _ => ["请选择要办理的事项。"],
            };
            var action = ActionOf(campaignId, year, t);
            if (errors.Count == 0)
            {
                return Results.Redirect($"{action}&done={Uri.EscapeDataString(what)}", permanent: false);
            }

            var posted = form.Keys.Where(k => k != "nonce").ToDictionary(k => k, k => string.Join(',', form[k].Select(v => v ?? string.Empty)), StringComparer.Ordinal);
            var current = await ModelAsync(lookBacks, commendations, nonces, caller, campaign, tree, year, t, done: null, ct);
            if (current is null)
            {
                return PageLayout.Message("无法办理", "只有县关工委或乡镇（街道）关工委可以办理回头看。", StatusCodes.Status403Forbidden, settings.StandardName);
            }

            var model = current with
            {
                Errors = errors,
                Posted = posted,
                Standalone = true,
            };
            return RazorPage.Of<LookBackActions>("回头看和表彰命名", model, StatusCodes.Status400BadRequest, standardName: settings.StandardName);
        });

    /// <summary>
    /// The forms the look-back page shows the caller, or null when the caller cannot act (a link of a grassroots unit,
    /// or a committee outside the campaign). <paramref name="done"/>: the <c>do</c> of the order just made.
    /// </summary>
    public static async Task<LookBackActions.Data?> ModelAsync(
        LookBackStore lookBacks, CommendationService commendations, FormNonces nonces, Caller caller, CampaignRecord campaign, OrganisationTree tree, int year, string? t, string? done, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(lookBacks);
        ArgumentNullException.ThrowIfNull(commendations);
        ArgumentNullException.ThrowIfNull(nonces);
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(tree);
        var settings = campaign.Settings;
        if (Acting(caller, settings.OrganiserCode) is not { } acting || tree.Find(acting) is not { } committee)
        {
            return null;
        }

        var isOrganiser = CommitteeDirectory.IsWithin(tree, settings.OrganiserCode, acting);
        var isTownship = committee.Level == CommitteeLevel.Township && CommitteeDirectory.IsWithin(tree, acting, settings.OrganiserCode);
        if (!isOrganiser && !isTownship)
        {
            return null;
        }

        var units = (await lookBacks.ListAsync(settings.Id, ct))
            .Where(l => l.Year == year && CommitteeDirectory.IsWithin(tree, l.CommitteeCode, acting))
            .SelectMany(l => l.Units.Where(u => u.Order is null).Select(u => new LookBackActions.Unit(l.LookBackId, u.UnitCode, u.UnitName, tree.Parent(u.UnitCode)?.Name ?? string.Empty)))
            .ToList();
        IReadOnlyList<LookBackActions.Candidate>? candidates = null;
        if (isOrganiser && await commendations.ViewAsync(settings.Id, year, ct) is { Approved: null } naming)
        {
            candidates = [.. naming.Candidates.Select(c => new LookBackActions.Candidate(c.UnitCode, c.UnitName, c.ParentName))];
        }

        return new LookBackActions.Data(
            ActionOf(settings.Id, year, t),
            nonces.Issue(NonceSubject(settings.Id), NonceHolder(caller, acting)),
            year,
            committee.Name,
            settings.LookBackShare.Value.ToString("0.##", CultureInfo.InvariantCulture),
            MayDraw: true,
            units,
            candidates,
            Errors: [],
            Posted: null,
            done is not null && DoneNotices.TryGetValue(done, out var notice) ? notice : null);
    }

    /// <summary>The year the page is on: <c>?year=</c> within the campaign, else the launch year.</summary>
    public static int YearOf(HttpRequest request, CampaignRecord campaign)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(campaign);
        var settings = campaign.Settings;
        return int.TryParse(request.Query["year"].FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y >= settings.StartYear && y <= settings.EndYear
            ? y
            : campaign.LaunchYear ?? settings.StartYear;
    }

    // An administrator acts for the organiser; a committee's dashboard link for its committee; no one else acts here.
    private static string? Acting(Caller caller, string organiserCode) => caller switch
    {
        AdminCaller => organiserCode,
        CommitteeCaller { Via: "dashboard-link" } committee => committee.CommitteeCode,
        _ => null,
    };

    private static string NonceSubject(string campaignId) => "lookback:" + campaignId;

    private static string NonceHolder(Caller caller, string acting) => caller is AdminCaller ? "admin" : "link:" + acting;

    private static string ActionOf(string campaignId, int year, string? t) =>
        $"/d/{Uri.EscapeDataString(campaignId)}/lookback?year={year}" + (t is { Length: > 0 } ? "&t=" + Uri.EscapeDataString(t) : string.Empty);

    private static IReadOnlyList<string> Errors<T>(LookBackService.Outcome<T> outcome)
        where T : class => outcome.Value is null ? [.. outcome.Errors.Select(e => e.MessageZh)] : [];

    private static IReadOnlyList<string> Errors((CommendationRecord? Record, IReadOnlyList<Domain.ValidationError> Errors, int Status) outcome) =>
        outcome.Record is null ? [.. outcome.Errors.Select(e => e.MessageZh).Distinct()] : [];
}
