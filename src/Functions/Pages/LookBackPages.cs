using System.Globalization;
using GuanGong.Functions.Cases;
using GuanGong.Functions.Commendations;
using GuanGong.Functions.Http;
using GuanGong.Functions.LookBacks;
using GuanGong.Functions.Reviews;
using Microsoft.Azure.Functions.Worker;

namespace GuanGong.Functions.Pages;

/// <summary>
/// <c>GET /d/{campaignId}/lookback?year=</c>: the look-backs (回头看) and the year's naming (表彰/命名) for county and
/// township staff, read-only; the orders are made through the API. Same admission as the dashboard: an administrator
/// signed in, or a committee's dashboard link (<c>?t=</c>), which sees only what is in its subtree. Cards rather than
/// wide tables, so it reads at 360 px; names only, never codes.
/// </summary>
public sealed class LookBackPages(
    HttpGate gate, DashboardAdmission admission, LookBackStore lookBacks,
    CommendationService commendations, CaseStore cases, ReviewLinks links, TimeProvider time, FormNonces nonces)
{
    [Function("LookBackDashboard")]
    public Task<IResult> Show(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "d/{campaignId}/lookback")] HttpRequest request,
        string campaignId,
        CancellationToken ct) =>
        gate.RunAsync(request, async () =>
        {
            var http = request.HttpContext;
            var t = request.Query["t"].FirstOrDefault();
            var admitted = await admission.AdmitAsync(http, campaignId, null, null, "单位的填报链接不能查看回头看。", ct);
            if (admitted is not { Scope: { } scope, Caller: { } caller })
            {
                return admitted.Refusal!;
            }

            var (campaign, tree) = (scope.Campaign, scope.Tree);
            var settings = campaign.Settings;
            var year = int.TryParse(request.Query["year"].FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y >= settings.StartYear && y <= settings.EndYear
                ? y
                : campaign.LaunchYear ?? settings.StartYear;
            var seesOrganiser = Access.MayRead(caller, tree, settings.OrganiserCode);
            var drawn = (await lookBacks.ListAsync(campaignId, ct)).Where(l => l.Year == year).ToList();
            var caseById = new Dictionary<string, CaseRecord>(StringComparer.Ordinal);
            foreach (var unit in drawn.SelectMany(l => l.Units).Where(u => Access.MayRead(caller, tree, u.UnitCode)))
            {
                if (!caseById.ContainsKey(unit.CaseId) && (await cases.GetAsync(unit.CaseId, ct))?.Value is { } found)
                {
                    caseById[unit.CaseId] = found;
                }
            }

            var naming = seesOrganiser ? await commendations.ViewAsync(campaignId, year, ct) : null;
            var token = t is { Length: > 0 } ? t : links.DashboardToken(settings.OrganiserCode, "admin", time.GetUtcNow() + TimeSpan.FromMinutes(30));
            var actions = await LookBackFormPages.ModelAsync(lookBacks, commendations, nonces, caller, campaign, tree, year, t, request.Query["done"].FirstOrDefault(), ct);
            return admitted.Page<Components.LookBackBody>(
                "回头看和表彰命名", new Components.LookBackBody.Data(campaign, tree, year, caller, t, drawn, caseById, naming, token, actions));
        });
}
