using System.Text.Json;
using GuanGong.Domain;
using GuanGong.Domain.Campaigns;
using GuanGong.Functions.Audit;
using GuanGong.Functions.Http;
using GuanGong.Functions.OpenApi;
using GuanGong.Functions.Organisations;
using Microsoft.Azure.Functions.Worker;

namespace GuanGong.Functions.Campaigns;

/// <summary>
/// The three-year campaign (三年创建) as a county runs it between launches: a unit due later applies early
/// (提前申报), the county chooses passed units to re-examine, and units' target years (预达标年度) are changed
/// with a reason, each change kept in the campaign's audit trail. Callers: the admin key, or a committee's
/// key for units in its own subtree (a unit's own link may ask for its early application).
/// </summary>
public sealed class CampaignYearFunctions(
    HttpGate gate, Access access, CampaignStore campaigns, CommitteeDirectory directory, CampaignLauncher launcher, AuditLog audit, TimeProvider time)
{
    /// <summary>The audit action of a target-year change (its detail is the <see cref="TargetYearChange"/> as JSON).</summary>
    public const string TargetYearChangedAction = "修改预达标年度";

    [Function("RequestEarlyApplication")]
    [ApiOperation("A unit due later applies early (申请提前申报): it is mailed its link for the year as a launch would", Tag = "Campaigns",
        RequestBody = typeof(EarlyApplicationRequest), Response = typeof(LaunchChoiceResult), Problems = [400, 401, 403, 404, 409], Security = ["adminKey", "apiKey", "link"])]
    public Task<IResult> RequestEarly(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/campaigns/{campaignId}/early-applications")] HttpRequest request,
        string campaignId,
        CancellationToken ct) =>
        gate.RunAsync(request, async () =>
        {
            var (body, problem) = await RequestBodies.ReadJsonAsync<EarlyApplicationRequest>(request, "early_application.malformed", ct);
            if (body is null)
            {
                return problem!;
            }

            var (caller, refusal) = await AuthoriseAsync(request, body.UnitCode, allowOwnUnit: true, ct);
            if (caller is null)
            {
                return refusal!;
            }

            var (granted, mailedTo, errors) = await launcher.RequestEarlyAsync(campaignId, body.UnitCode, body.Year, body.RequestedBy ?? Who(caller), ct);
            return granted is null
                ? Refuse(errors)
                : Results.Ok(new LaunchChoiceResult(campaignId, body.UnitCode, body.Year ?? (await campaigns.FindAsync(campaignId, ct))?.LaunchYear ?? 0, Camel(granted.Reason.ToString()), mailedTo));
        });

    [Function("ChooseReExamination")]
    [ApiOperation("The county chooses a passed unit to re-examine in a year; if the year is launched it is mailed its link at once, else the launch invites it", Tag = "Campaigns",
        RequestBody = typeof(ReExaminationRequest), Response = typeof(LaunchChoiceResult), Problems = [400, 401, 403, 404, 409], Security = ["adminKey", "apiKey"])]
    public Task<IResult> ReExamine(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/campaigns/{campaignId}/re-examinations")] HttpRequest request,
        string campaignId,
        CancellationToken ct) =>
        gate.RunAsync(request, async () =>
        {
            var (body, problem) = await RequestBodies.ReadJsonAsync<ReExaminationRequest>(request, "reexamination.malformed", ct);
            if (body is null)
            {
                return problem!;
            }

            var (caller, refusal) = await AuthoriseAsync(request, body.UnitCode, allowOwnUnit: false, ct);
            if (caller is null)
            {
                return refusal!;
            }

            var (mailedTo, errors) = await launcher.ReExamineAsync(campaignId, body.UnitCode, body.Year, (caller as CommitteeCaller)?.CommitteeCode, body.ChosenBy ?? Who(caller), ct);
            if (errors.Count > 0)
            {
                return Refuse(errors);
            }

            var campaign = await campaigns.FindAsync(campaignId, ct);
            return Results.Ok(new LaunchChoiceResult(campaignId, body.UnitCode, body.Year ?? campaign?.LaunchYear ?? campaign?.Settings.StartYear ?? 0, Camel(nameof(InvitationReason.ReExamination)), mailedTo));
        });

    [Function("ChangeTargetYear")]
    [ApiOperation("Set or clear a unit's target year (预达标年度) with a reason; the change is kept in the campaign's audit trail", Tag = "Campaigns",
        RequestBody = typeof(TargetYearRequest), Response = typeof(TargetYearChange), Problems = [400, 401, 403, 404, 409], Security = ["adminKey", "apiKey"])]
    public Task<IResult> ChangeTargetYear(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/campaigns/{campaignId}/units/{unitCode}/target-year")] HttpRequest request,
        string campaignId,
        string unitCode,
        CancellationToken ct) =>
        gate.RunAsync(request, async () =>
        {
            var (body, problem) = await RequestBodies.ReadJsonAsync<TargetYearRequest>(request, "target_year.malformed", ct);
            if (body is null)
            {
                return problem!;
            }

            var caller = await access.ResolveAsync(request.HttpContext, ct);
            if (caller is not (AdminCaller or CommitteeCaller))
            {
                return caller is null
                    ? Problems.Unauthorized("请使用管理员密钥或关工委访问密钥。", "The admin key or a committee API key is required.")
                    : Problems.Forbidden("单位链接不能修改预达标年度。", "A unit's link cannot change target years.");
            }

            var tree = await directory.GetTreeAsync(ct);
            for (var attempt = 0; attempt < 5; attempt++)
            {
                var stored = await campaigns.GetAsync(campaignId, ct);
                if (stored is null)
                {
                    return Problems.NotFound("找不到这次创建活动。", $"There is no campaign '{campaignId}'.");
                }

                var settings = stored.Value.Settings;

                // An administrator acts for the organiser.
                var committee = caller is CommitteeCaller own ? own.CommitteeCode : settings.OrganiserCode;
                var changed = TargetYears.Change(settings, tree, unitCode, body.Year, body.Reason ?? string.Empty, committee, body.ChangedBy ?? string.Empty, time.GetUtcNow());
                if (!changed.IsSuccess)
                {
                    return Refuse(changed.Errors);
                }

                if (!await campaigns.TryUpdateAsync(stored, stored.Value with { Settings = changed.Value.Settings }, ct))
                {
                    continue;
                }

                var change = changed.Value.Change;
                await audit.AppendAsync(campaignId, $"{change.ChangedBy}（{change.ChangedByCommitteeCode}）", TargetYearChangedAction, DomainJson.Serialize(change), RequestOrigin.From(request.HttpContext), ct);
                return Results.Json(change, DomainJson.Options);
            }

            return Problems.Conflict("campaign-changed", "活动刚被他人修改，请重试。", "The campaign kept changing; retry.");
        });

    [Function("ListTargetYearChanges")]
    [ApiOperation("The campaign's target-year changes, oldest first (the audit trail)", Tag = "Campaigns",
        Response = typeof(TargetYearChanges), Problems = [401, 403, 404], Security = ["adminKey", "apiKey", "link"])]
    public Task<IResult> ListTargetYearChanges(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/campaigns/{campaignId}/target-year-changes")] HttpRequest request,
        string campaignId,
        CancellationToken ct) =>
        gate.RunAsync(request, async () =>
        {
            var caller = await access.ResolveAsync(request.HttpContext, ct);
            if (caller is not (AdminCaller or CommitteeCaller))
            {
                return caller is null
                    ? Problems.Unauthorized("请使用管理员密钥、关工委访问密钥或统计链接查看。", "The admin key, a committee API key or a dashboard link is required.")
                    : Problems.Forbidden("单位链接不能查看。", "A unit's link cannot read the campaign's trail.");
            }

            var campaign = await campaigns.FindAsync(campaignId, ct);
            if (campaign is null)
            {
                return Problems.NotFound("找不到这次创建活动。", $"There is no campaign '{campaignId}'.");
            }

            var tree = await directory.GetTreeAsync(ct);
            var changes = await TargetYearChangesAsync(audit, campaignId, ct);
            return Results.Json(new TargetYearChanges(campaignId, [.. changes.Where(c => !tree.Contains(c.UnitCode) || Access.MayRead(caller, tree, c.UnitCode))]), DomainJson.Options);
        });

    /// <summary>The campaign's target-year changes as recorded in its audit trail, oldest first.</summary>
    public static async Task<IReadOnlyList<TargetYearChange>> TargetYearChangesAsync(AuditLog audit, string campaignId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(audit);
        return
        [
            .. (await audit.ReadAsync(campaignId, ct))
                .Where(e => e.Action == TargetYearChangedAction && e.Detail is not null)
                .Select(e => DomainJson.Parse<TargetYearChange>(e.Detail!, "target_year.malformed"))
                .Where(r => r.IsSuccess)
                .Select(r => r.Value),
        ];
    }

    private async Task<(Caller? Caller, IResult? Refusal)> AuthoriseAsync(HttpRequest request, string unitCode, bool allowOwnUnit, CancellationToken ct)
    {
        var caller = await access.ResolveAsync(request.HttpContext, ct);
        if (caller is null)
        {
            return (null, Problems.Unauthorized("请使用管理员密钥、关工委访问密钥或本单位的链接。", "The admin key, a committee API key or the unit's own link is required."));
        }

        var tree = await directory.GetTreeAsync(ct);
        var allowed = caller switch
        {
            AdminCaller => true,
            CommitteeCaller committee => tree.Contains(unitCode) && CommitteeDirectory.IsWithin(tree, unitCode, committee.CommitteeCode) && unitCode != committee.CommitteeCode,
            UnitCaller unit => allowOwnUnit && unit.UnitCode == unitCode,
            _ => false,
        };
        return allowed ? (caller, null) : (null, Problems.Forbidden("您只能为本单位或下级单位办理。", $"'{unitCode}' is outside the caller's reach."));
    }


    // The refusals of the launch and target-year rules, as HTTP answers.
    private static IResult Refuse(IReadOnlyList<ValidationError> errors)
    {
        var codes = errors.Select(e => e.Code).ToHashSet(StringComparer.Ordinal);
        if (codes.Overlaps(["campaign.not_found", "launch.unit_out_of_scope", "target_year.unit_out_of_scope", "reexamination.unit_unknown"]))
        {
            var error = errors.First();
            return Problems.Problem(StatusCodes.Status404NotFound, error.Code, error.MessageZh, error.MessageEn);
        }

        if (codes.Overlaps(["target_year.not_authorised", "reexamination.not_authorised"]))
        {
            var error = errors.First(e => e.Code.EndsWith("not_authorised", StringComparison.Ordinal));
            return Problems.Problem(StatusCodes.Status403Forbidden, error.Code, error.MessageZh, error.MessageEn);
        }

        if (codes.Overlaps(["launch.already_passed", "launch.case_open", "launch.not_assessable", "campaign.not_launched", "campaign.changed", "target_year.unchanged", "reexamination.not_passed"]))
        {
            var error = errors.First();
            return Problems.Problem(StatusCodes.Status409Conflict, error.Code, error.MessageZh, error.MessageEn);
        }

        return Problems.Validation(errors);
    }

    private static string Who(Caller caller) => caller switch
    {
        CommitteeCaller committee => committee.CommitteeCode,
        UnitCaller unit => unit.Email,
        _ => "管理员",
    };

    private static string Camel(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);
}
