using GuanGong.Domain;
using GuanGong.Domain.Organisations;
using GuanGong.Domain.Statistics;
using GuanGong.Functions.Audit;
using GuanGong.Functions.Campaigns;
using GuanGong.Functions.Cases;
using GuanGong.Functions.Organisations;
using GuanGong.Functions.Records;
using GuanGong.Functions.Statistics;

namespace GuanGong.Functions.Commendations;

/// <summary>
/// 表彰/命名 at a year's end: the candidates are the units the verdicts passed that year (their standing at the year's
/// end is passed and rests on a case of that year) and that no earlier year named; the county approves the list (all
/// of them, or the ones it names), which is stored, audited, and printed as the naming decision and the certificates.
/// </summary>
public sealed class CommendationService(CampaignStore campaigns, CommitteeDirectory directory, CaseStore cases, AppTables tables, AuditLog audit, TimeProvider time)
{
    public const string ApprovedAction = "审定命名名单";
    public const string NamingRevokedAction = "撤销命名";

    public async Task<CommendationView?> ViewAsync(string campaignId, int year, CancellationToken ct)
    {
        var campaign = await campaigns.FindAsync(campaignId, ct);
        if (campaign is null)
        {
            return null;
        }

        var approved = (await tables.Commendations.GetAsync(campaignId, Key(year), ct))?.Value;
        return new CommendationView(campaignId, year, await CandidatesAsync(campaign, year, ct), approved);
    }

    public async Task<(CommendationRecord? Record, IReadOnlyList<ValidationError> Errors, int Status)> ApproveAsync(
        string campaignId, int year, CommendationRequest request, RequestOrigin? origin, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var campaign = await campaigns.FindAsync(campaignId, ct);
        if (campaign is null)
        {
            return (null, [new("campaignId", "campaign.not_found", "找不到这次创建活动。", $"There is no campaign '{campaignId}'.")], StatusCodes.Status404NotFound);
        }

        var errors = new List<ValidationError>();
        if (string.IsNullOrWhiteSpace(request.ApprovedBy) || request.ApprovedBy.Length > 100)
        {
            errors.Add(new("approvedBy", "commendation.approved_by_missing", "请填写审定人。", "Who approved the list is missing."));
        }

        var candidates = await CandidatesAsync(campaign, year, ct);
        var chosen = request.UnitCodes is null ? candidates : [.. candidates.Where(c => request.UnitCodes.Contains(c.UnitCode, StringComparer.Ordinal))];
        foreach (var code in (request.UnitCodes ?? []).Where(code => candidates.All(c => c.UnitCode != code)).Distinct(StringComparer.Ordinal))
        {
            errors.Add(new($"unitCodes", "commendation.not_candidate", "名单中有单位不是本年度验收达标的单位（或往年已命名）。", $"'{code}' is not a candidate for {year}."));
        }

        if (errors.Count == 0 && chosen.Count == 0)
        {
            return (null, [new("unitCodes", "commendation.empty", "本年度没有可以命名的单位。", "There is no unit to name.")], StatusCodes.Status409Conflict);
        }

        if (errors.Count > 0)
        {
            return (null, errors, StatusCodes.Status400BadRequest);
        }

        // Certificates are numbered in the decision's order.
        var units = chosen.Select((u, i) => u with { CertificateNumber = $"{year}-{i + 1:000}" }).ToList();
        var record = new CommendationRecord(CommendationRecord.CurrentSchemaVersion, campaignId, year, units, request.ApprovedBy.Trim(), time.GetUtcNow());
        await tables.Commendations.UpsertAsync(campaignId, Key(year), record, cancellationToken: ct);
        await audit.AppendAsync(campaignId, record.ApprovedBy, ApprovedAction, $"{year}年度命名 {units.Count} 个单位：{string.Join("、", units.Select(u => u.UnitName))}", origin, ct);
        return (record, [], StatusCodes.Status200OK);
    }

    /// <summary>
    /// A look-back revoked <paramref name="unitCode"/>'s pass: every approved naming of the unit that still stands is
    /// marked revoked (the decision and the certificates leave it out from then on; the list shows it as 撤销), audited on
    /// the campaign's trail and the named case's. Returns the years whose naming was taken back.
    /// </summary>
    // decidedBy: the person who decided, as the list shows it; actor: who acted, as the audit trail records it.
    public async Task<IReadOnlyList<int>> RevokeNamingAsync(string campaignId, string unitCode, string reasons, string decidedBy, string actor, RequestOrigin? origin, CancellationToken ct)
    {
        var campaign = await campaigns.FindAsync(campaignId, ct);
        if (campaign is null)
        {
            return [];
        }

        var years = new List<int>();
        for (var year = campaign.Settings.StartYear; year <= campaign.Settings.EndYear; year++)
        {
            for (var attempt = 0; attempt < 10; attempt++)
            {
                var stored = await tables.Commendations.GetAsync(campaignId, Key(year), ct);
                var named = stored?.Value.Units.FirstOrDefault(u => u.UnitCode == unitCode && u.Stands);
                if (stored is null || named is null)
                {
                    break;
                }

                var now = time.GetUtcNow();
                var because = $"{reasons}（{decidedBy}）";
                var updated = stored.Value with
                {
                    SchemaVersion = CommendationRecord.CurrentSchemaVersion,
                    Units = [.. stored.Value.Units.Select(u => u == named ? u with { RevokedAt = now, RevokedBecause = because } : u)],
                };
                if (await tables.Commendations.TryUpdateAsync(campaignId, Key(year), updated, stored.ETag, cancellationToken: ct))
                {
                    var detail = $"{year}年度命名的{named.UnitName}（证书编号 {named.CertificateNumber}）经回头看撤销达标资格，撤销其命名：{because}";
                    await audit.AppendAsync(campaignId, actor, NamingRevokedAction, detail, origin, ct);
                    await audit.AppendAsync(named.CaseId, actor, NamingRevokedAction, detail, origin, ct);
                    years.Add(year);
                    break;
                }
            }
        }

        return years;
    }

    public async Task<CommendationRecord?> ApprovedAsync(string campaignId, int year, CancellationToken ct) =>
        (await tables.Commendations.GetAsync(campaignId, Key(year), ct))?.Value;

    private async Task<IReadOnlyList<CommendedUnit>> CandidatesAsync(CampaignRecord campaign, int year, CancellationToken ct)
    {
        var tree = await directory.GetTreeAsync(ct);
        var all = await cases.ListAsync(campaign.Settings.Id, null, ct);
        var standings = Standings.AsOf(all.Select(CampaignScope.ToUnitCase), year);
        var namedBefore = new HashSet<string>(StringComparer.Ordinal);
        for (var y = campaign.Settings.StartYear; y < year; y++)
        {
            if (await ApprovedAsync(campaign.Settings.Id, y, ct) is { } earlier)
            {
                namedBefore.UnionWith(earlier.Standing.Select(u => u.UnitCode));
            }
        }

        return
        [
            .. standings.Values
                .Where(s => s.Status == UnitStatus.Passed && s.DecidedYear == year && tree.Contains(s.UnitCode) && !namedBefore.Contains(s.UnitCode))
                .Select(s => (Standing: s, Case: all.First(c => c.UnitCode == s.UnitCode && c.Year == year), Unit: tree.Get(s.UnitCode)))
                .OrderBy(x => x.Unit.Level)
                .ThenBy(x => x.Unit.ParentCode, StringComparer.Ordinal)
                .ThenBy(x => x.Unit.Code, StringComparer.Ordinal)
                .Select(x => new CommendedUnit(
                    string.Empty,
                    x.Unit.Code,
                    x.Unit.Name,
                    tree.Parent(x.Unit.Code)?.Name ?? string.Empty,
                    x.Unit.Level == CommitteeLevel.Township ? "乡镇（街道）" : Wording.KindName(x.Unit.Kind),
                    x.Case.CaseId,
                    x.Case.Verdict?.Summary.Total)),
        ];
    }

    private static string Key(int year) => year.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
