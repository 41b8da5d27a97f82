using System.Security.Cryptography;
using GuanGong.Domain;
using GuanGong.Domain.Cases;
using GuanGong.Domain.Deadlines;
using GuanGong.Domain.LookBack;
using GuanGong.Domain.Organisations;
using GuanGong.Domain.Statistics;
using GuanGong.Functions.Audit;
using GuanGong.Functions.Campaigns;
using GuanGong.Functions.Cases;
using GuanGong.Functions.Cases.Workflow;
using GuanGong.Functions.Organisations;
using GuanGong.Functions.Statistics;

namespace GuanGong.Functions.LookBacks;

/// <summary>
/// The look-back (回头看) as a county, or a township for its own units, runs it: draw a seeded sample of the passed
/// units (the campaign's share; the seed is recorded, so the draw can be repeated and checked), record what the checks
/// found, then for a unit with faults order either 限期整改 (the case goes back to the unit with a deadline in China
/// working days; the resubmission is reviewed again at the verdict stage by the case workflow) or 撤销 (the case is
/// revoked at once: audited, the unit's township re-rated, the figures of the look-back's year count it as revoked).
/// </summary>
public sealed class LookBackService(
    CampaignStore campaigns, CommitteeDirectory directory, CaseStore cases, LookBackStore lookBacks, AuditLog audit, WorkflowServices workflow, TimeProvider time,
    Commendations.CommendationService commendations)
{
    /// <summary>Audit actions (the case's stream and the campaign's).</summary>
    public const string DrawnAction = "回头看抽查";
    public const string FindingAction = "回头看检查情况";
    public const string RectificationAction = "回头看限期整改";
    public const string RevocationAction = "回头看撤销达标资格";

    /// <summary>An outcome: the value, or the errors and the HTTP status they answer with.</summary>
    public sealed record Outcome<T>(T? Value, IReadOnlyList<ValidationError> Errors, int Status)
        where T : class
    {
        public static Outcome<T> Ok(T value) => new(value, [], StatusCodes.Status200OK);

        public static Outcome<T> Fail(int status, string path, string code, string zh, string en) => new(null, [new ValidationError(path, code, zh, en)], status);
    }

    public async Task<Outcome<LookBackRecord>> DrawAsync(string campaignId, string committeeCode, DrawLookBackRequest request, RequestOrigin? origin, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var campaign = await campaigns.FindAsync(campaignId, ct);
        if (campaign is null)
        {
            return Outcome<LookBackRecord>.Fail(StatusCodes.Status404NotFound, "campaignId", "campaign.not_found", "找不到这次创建活动。", $"There is no campaign '{campaignId}'.");
        }

        var settings = campaign.Settings;
        var year = request.Year ?? campaign.LaunchYear ?? settings.StartYear;
        if (year < settings.StartYear || year > settings.EndYear)
        {
            return Outcome<LookBackRecord>.Fail(StatusCodes.Status400BadRequest, "year", "lookback.year_out_of_range", $"年度必须在 {settings.StartYear} 到 {settings.EndYear} 之间。", "The year is outside the campaign.");
        }

        if (request.Seed is { } given && (string.IsNullOrWhiteSpace(given) || given.Length > 100))
        {
            return Outcome<LookBackRecord>.Fail(StatusCodes.Status400BadRequest, "seed", "lookback.seed_invalid", "随机种子不能为空，且不超过 100 个字符。", "The seed must be 1 to 100 characters.");
        }

        var tree = await directory.GetTreeAsync(ct);
        var committee = tree.Find(committeeCode);
        var isOrganiser = committeeCode == settings.OrganiserCode || (committee is not null && CommitteeDirectory.IsWithin(tree, settings.OrganiserCode, committeeCode));
        var isTownship = committee is { Level: CommitteeLevel.Township } && CommitteeDirectory.IsWithin(tree, committeeCode, settings.OrganiserCode);
        if (committee is null || !(isOrganiser || isTownship))
        {
            return Outcome<LookBackRecord>.Fail(StatusCodes.Status403Forbidden, "committeeCode", "lookback.not_authorised", "只有县级关工委或乡镇（街道）关工委可以组织回头看。", "Only the organiser (or above) or a township of the campaign can draw a look-back.");
        }

        // The units passed as of the year, cumulative over the campaign (三年创建); a township draws from its own units.
        var root = isOrganiser ? settings.OrganiserCode : committeeCode;
        var all = await cases.ListAsync(campaignId, null, ct);
        var standings = Standings.AsOf(all.Select(CampaignScope.ToUnitCase), year);
        var passed = standings.Values
            .Where(s => s.Status == UnitStatus.Passed && s.DecidedYear is not null && tree.Contains(s.UnitCode) && s.UnitCode != root && CommitteeDirectory.IsWithin(tree, s.UnitCode, root))
            .OrderBy(s => s.UnitCode, StringComparer.Ordinal)
            .ToList();
        if (passed.Count == 0)
        {
            return Outcome<LookBackRecord>.Fail(StatusCodes.Status409Conflict, "committeeCode", "lookback.nothing_passed", "范围内还没有已达标的单位，无需回头看。", "No unit in the subtree stands passed.");
        }

        var seed = request.Seed ?? Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
        var sample = LookBackSampler.Draw(tree, passed.Select(s => s.UnitCode), settings.LookBackShare, seed);
        var now = time.GetUtcNow();
        var units = sample.SelectedUnitCodes()
            .Select(code => new LookBackUnit(code, tree.Get(code).Name, CaseOf(all, code, passed.First(p => p.UnitCode == code).DecidedYear!.Value, year), [], null, null))
            .ToList();
        var id = $"{year}-{Convert.ToHexString(RandomNumberGenerator.GetBytes(4))}";
        var record = new LookBackRecord(LookBackRecord.CurrentSchemaVersion, id, campaignId, year, root, sample, [.. passed.Select(p => p.UnitCode)], units, request.DrawnBy ?? committeeCode, now);
        if (!await lookBacks.TryAddAsync(record, ct))
        {
            return Outcome<LookBackRecord>.Fail(StatusCodes.Status409Conflict, "lookBackId", "lookback.conflict", "请重试。", "A look-back with the same id exists; retry.");
        }

        await audit.AppendAsync(campaignId, record.DrawnBy, DrawnAction, DomainJson.Serialize(new { id, year, root, seed, share = settings.LookBackShare, units = units.Select(u => u.UnitCode) }), origin, ct);
        return new(record, [], StatusCodes.Status201Created);
    }

    public async Task<Outcome<LookBackRecord>> RecordFindingAsync(string campaignId, string lookBackId, string unitCode, string committeeCode, LookBackFindingRequest request, RequestOrigin? origin, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Text) || request.Text.Length > 2000)
        {
            return Outcome<LookBackRecord>.Fail(StatusCodes.Status400BadRequest, "text", "lookback.finding_invalid", "请填写检查情况（不超过 2000 字）。", "The finding must be 1 to 2000 characters.");
        }

        if (string.IsNullOrWhiteSpace(request.RecordedBy))
        {
            return Outcome<LookBackRecord>.Fail(StatusCodes.Status400BadRequest, "recordedBy", "lookback.recorded_by_missing", "请填写检查人。", "Who recorded the finding is missing.");
        }

        var now = time.GetUtcNow();
        var finding = new LookBackFinding(request.Text.Trim(), request.RecordedBy.Trim(), now);
        var (record, refusal) = await ChangeUnitAsync(campaignId, lookBackId, unitCode, committeeCode, u => u with { Findings = [.. u.Findings, finding] }, ct);
        if (record is null)
        {
            return refusal!;
        }

        await audit.AppendAsync(record.Unit(unitCode)!.CaseId, finding.RecordedBy, FindingAction, finding.Text, origin, ct);
        return Outcome<LookBackRecord>.Ok(record);
    }

    public async Task<Outcome<CaseRecord>> OrderRectificationAsync(
        CaseWorkflowClient engine, string campaignId, string lookBackId, string unitCode, string committeeCode, LookBackRectificationRequest request, RequestOrigin? origin, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<ValidationError>();
        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > 2000)
        {
            errors.Add(new("reason", "lookback.reason_missing", "请写明整改要求（不超过 2000 字）。", "The reason must be 1 to 2000 characters."));
        }

        if (string.IsNullOrWhiteSpace(request.DecidedBy))
        {
            errors.Add(new("decidedBy", "lookback.decided_by_missing", "请填写决定人。", "The person deciding is missing."));
        }

        if (request.WorkingDays is < 1 or > 60)
        {
            errors.Add(new("workingDays", "lookback.working_days_invalid", "整改期限应为 1 到 60 个工作日。", "workingDays must be 1 to 60."));
        }

        if (errors.Count > 0)
        {
            return new(null, errors, StatusCodes.Status400BadRequest);
        }

        var (lookBack, unit, refusal) = await ReadForOrderAsync<CaseRecord>(campaignId, lookBackId, unitCode, committeeCode, ct);
        if (lookBack is null)
        {
            return refusal!;
        }

        var now = time.GetUtcNow();
        var due = DeadlineCalculator.Due(now, request.WorkingDays ?? workflow.Settings.RectificationWorkingDays, await workflow.Calendars.GetAsync(ct));
        var order = new CaseLookBack(lookBackId, lookBack.Year, LookBackOrder.Rectification, [request.Reason.Trim()], committeeCode, request.DecidedBy.Trim(), now, due.DueAt);
        var changed = false;
        var updated = await cases.UpdateAsync(unit!.CaseId, c =>
        {
            changed = c.State.Status == CaseStatus.Passed;
            return changed ? c with { State = CaseTransitions.Apply(c.State, CaseEvent.OrderRectification), Task = null, RectificationDueAt = due.DueAt, LookBack = order, UpdatedAt = now } : null;
        }, ct);
        if (updated is null || !changed)
        {
            return Outcome<CaseRecord>.Fail(StatusCodes.Status409Conflict, "unitCode", "lookback.not_passed", "该单位目前不是达标状态，不能再作处理。", $"The case of '{unitCode}' is not passed.");
        }

        await MarkOrderedAsync(campaignId, lookBackId, unitCode, LookBackOrder.Rectification, now, ct);
        await audit.AppendAsync(updated.CaseId, $"{order.DecidedBy}（{committeeCode}）", RectificationAction, $"{order.Reasons[0]}；整改期限 {CaseMail.China(due.DueAt)}", origin, ct);
        await engine.StartAsync(CaseWorkflowInput.ForNewInstance(updated.CaseId, origin, lookBackRectification: true), ct);
        await MailUnitAsync(updated, (contact, link, standard) => CaseMail.LookBackRectification(updated, contact.Name, contact.Email, link, order.Reasons[0], due.DueAt, standard), ct);
        await new UpdateTownshipRatingActivity(workflow).RateAsync(updated, lookBack.Year, ct);
        return Outcome<CaseRecord>.Ok(updated);
    }

    public async Task<Outcome<CaseRecord>> RevokeAsync(string campaignId, string lookBackId, string unitCode, string committeeCode, LookBackRevocationRequest request, RequestOrigin? origin, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Reasons is null || request.Reasons.Count is 0 or > 20 || request.Reasons.Any(r => string.IsNullOrWhiteSpace(r) || r.Length > 2000))
        {
            return Outcome<CaseRecord>.Fail(StatusCodes.Status400BadRequest, "reasons", "revocation.reason_missing", "撤销必须写明理由（每条不超过 2000 字）。", "Give 1 to 20 reasons, none blank or over 2000 characters.");
        }

        var (lookBack, unit, refusal) = await ReadForOrderAsync<CaseRecord>(campaignId, lookBackId, unitCode, committeeCode, ct);
        if (lookBack is null)
        {
            return refusal!;
        }

        var tree = await directory.GetTreeAsync(ct);
        var now = time.GetUtcNow();
        IReadOnlyList<ValidationError> errors = [];
        var updated = await cases.UpdateAsync(unit!.CaseId, c =>
        {
            var revoked = Revocations.Revoke(tree, new AcceptanceChain(c.UnitCode, c.Chain), c.CaseId, c.State, request.Reasons, committeeCode, request.DecidedBy ?? string.Empty, now);
            if (!revoked.IsSuccess)
            {
                errors = revoked.Errors;
                return null;
            }

            var r = revoked.Value.Revocation;
            return c with
            {
                State = revoked.Value.NewState,
                LookBack = new CaseLookBack(lookBackId, lookBack.Year, LookBackOrder.Revocation, r.Reasons, committeeCode, r.DecidedBy, now, null),
                UpdatedAt = now,
            };
        }, ct);
        if (errors.Count > 0 || updated is null)
        {
            var status = errors.Any(e => e.Code == "revocation.not_passed") ? StatusCodes.Status409Conflict
                : errors.Any(e => e.Code == "revocation.not_authorised") ? StatusCodes.Status403Forbidden
                : StatusCodes.Status400BadRequest;
            return new(null, errors, status);
        }

        await MarkOrderedAsync(campaignId, lookBackId, unitCode, LookBackOrder.Revocation, now, ct);
        var reasons = string.Join("；", updated.LookBack!.Reasons);
        await audit.AppendAsync(updated.CaseId, $"{updated.LookBack.DecidedBy}（{committeeCode}）", RevocationAction, reasons, origin, ct);
        await audit.AppendAsync(campaignId, $"{updated.LookBack.DecidedBy}（{committeeCode}）", RevocationAction, $"{updated.UnitName}：{reasons}", origin, ct);
        await commendations.RevokeNamingAsync(campaignId, unitCode, reasons, updated.LookBack.DecidedBy, $"{updated.LookBack.DecidedBy}（{committeeCode}）", origin, ct);
        await new UpdateTownshipRatingActivity(workflow).RateAsync(updated, lookBack.Year, ct);
        await MailUnitAsync(updated, (contact, link, standard) => CaseMail.LookBackRevocation(updated, contact.Name, contact.Email, link, updated.LookBack.Reasons, standard), ct);
        return Outcome<CaseRecord>.Ok(updated);
    }

    // The unit's case the look-back checks: its latest decided (passed) case, of the year it was decided in.
    private static string CaseOf(IReadOnlyList<CaseRecord> all, string unitCode, int decidedYear, int year) =>
        all.Where(c => c.UnitCode == unitCode && c.Year == decidedYear && c.Year <= year).Select(c => c.CaseId).First();

    private async Task<(LookBackRecord? LookBack, LookBackUnit? Unit, Outcome<T>? Refusal)> ReadForOrderAsync<T>(string campaignId, string lookBackId, string unitCode, string committeeCode, CancellationToken ct)
        where T : class
    {
        var stored = await lookBacks.GetAsync(campaignId, lookBackId, ct);
        if (stored is null)
        {
            return (null, null, Outcome<T>.Fail(StatusCodes.Status404NotFound, "lookBackId", "lookback.not_found", "找不到这次回头看。", $"There is no look-back '{lookBackId}'."));
        }

        var record = stored.Value;
        var tree = await directory.GetTreeAsync(ct);
        if (!MayAct(tree, record, committeeCode))
        {
            return (null, null, Outcome<T>.Fail(StatusCodes.Status403Forbidden, "committeeCode", "lookback.not_authorised", "只有组织这次回头看的关工委或其上级可以处理。", "Only the committee that drew the look-back, or one above it, may act on it."));
        }

        var unit = record.Unit(unitCode);
        if (unit is null)
        {
            return (null, null, Outcome<T>.Fail(StatusCodes.Status404NotFound, "unitCode", "lookback.unit_not_drawn", "该单位不在这次回头看的抽查名单中。", $"'{unitCode}' was not drawn in this look-back."));
        }

        if (unit.Order is not null)
        {
            return (null, null, Outcome<T>.Fail(StatusCodes.Status409Conflict, "unitCode", "lookback.already_ordered", "已对该单位作出处理决定。", $"An order was already made for '{unitCode}'."));
        }

        return (record, unit, null);
    }

    private async Task<(LookBackRecord? Record, Outcome<LookBackRecord>? Refusal)> ChangeUnitAsync(
        string campaignId, string lookBackId, string unitCode, string? committeeCode, Func<LookBackUnit, LookBackUnit> change, CancellationToken ct)
    {
        var tree = await directory.GetTreeAsync(ct);
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var stored = await lookBacks.GetAsync(campaignId, lookBackId, ct);
            if (stored is null)
            {
                return (null, Outcome<LookBackRecord>.Fail(StatusCodes.Status404NotFound, "lookBackId", "lookback.not_found", "找不到这次回头看。", $"There is no look-back '{lookBackId}'."));
            }

            if (!MayAct(tree, stored.Value, committeeCode))
            {
                return (null, Outcome<LookBackRecord>.Fail(StatusCodes.Status403Forbidden, "committeeCode", "lookback.not_authorised", "只有组织这次回头看的关工委或其上级可以处理。", "Only the committee that drew the look-back, or one above it, may act on it."));
            }

            if (stored.Value.Unit(unitCode) is null)
            {
                return (null, Outcome<LookBackRecord>.Fail(StatusCodes.Status404NotFound, "unitCode", "lookback.unit_not_drawn", "该单位不在这次回头看的抽查名单中。", $"'{unitCode}' was not drawn in this look-back."));
            }

            var updated = stored.Value with { Units = [.. stored.Value.Units.Select(u => u.UnitCode == unitCode ? change(u) : u)] };
            if (await lookBacks.TryUpdateAsync(stored, updated, ct))
            {
                return (updated, null);
            }
        }

        throw new InvalidOperationException($"Look-back {lookBackId} kept changing under 10 attempts to update it.");
    }

    // Marking the order needs no second check (null): the caller was checked before the case changed.
    private Task MarkOrderedAsync(string campaignId, string lookBackId, string unitCode, LookBackOrder order, DateTimeOffset at, CancellationToken ct) =>
        ChangeUnitAsync(campaignId, lookBackId, unitCode, null, u => u with { Order = order, OrderedAt = at }, ct);

    private static bool MayAct(OrganisationTree tree, LookBackRecord record, string? committeeCode) =>
        committeeCode is null || committeeCode == record.CommitteeCode || (tree.Contains(record.CommitteeCode) && tree.Ancestors(record.CommitteeCode).Any(a => a.Code == committeeCode));

    private async Task MailUnitAsync(CaseRecord @case, Func<Reviewer, string, string, Mail.OutgoingMail> compose, CancellationToken ct)
    {
        var tree = await directory.GetTreeAsync(ct);
        var (contact, link) = workflow.UnitContact(tree, @case);
        if (contact is not null)
        {
            await workflow.Mail.SendAsync(compose(contact, link, await workflow.StandardNameAsync(@case, ct)), ct);
        }
    }
}
