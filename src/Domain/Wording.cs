using GuanGong.Domain.Cases;
using GuanGong.Domain.Organisations;
using GuanGong.Domain.Scoring;
using GuanGong.Domain.Statistics;

namespace GuanGong.Domain;

/// <summary>
/// The words the domain uses in text for people, as the source documents use them: 申报 and 受理编号 (never 案件, which
/// reads as a legal case), 达标 / 未达标 (never 通过), 达标率 and 达标面, the kinds 村、社区、学校、企业、机关 and 关工小组
/// where the documents say so. The standard's name comes from the campaign
/// (<see cref="Campaigns.CampaignSettings.StandardNameFor"/>), never a hard-coded 五好. Pages and mails should take their
/// words from here so they agree with each other.
/// </summary>
public static class Wording
{
    /// <summary>A unit's submission (what the software elsewhere calls a case).</summary>
    public const string Submission = "申报";

    /// <summary>The number a submission is known by (the case id).</summary>
    public const string ReceiptNumber = "受理编号";

    /// <summary>Meets the standard.</summary>
    public const string Passed = "达标";

    /// <summary>Does not meet the standard (failed, revoked, returned and not yet passed, or closed at the rectification deadline).</summary>
    public const string NotPassed = "未达标";

    /// <summary>The pass rate: passed / assessed (达标数 ÷ 参评数), 梅州's "达标率近90%" (60/67 = 89.6%).</summary>
    public const string PassRate = "达标率";

    /// <summary>The coverage: passed / established (达标数 ÷ 建会数), 60/80 = 75.0%.</summary>
    public const string Coverage = "达标面";

    /// <summary>Another name of <see cref="Coverage"/> the documents use.</summary>
    public const string CoverageAlternative = "创建覆盖率";

    /// <summary>The pass rate's definition, for a note under a figure.</summary>
    public const string PassRateDefinition = "达标率 = 达标单位数 ÷ 参评单位数（参评：审核人已作出审核结论的单位，含退回整改和逾期未整改的单位）";

    /// <summary>The coverage's definition, for a note under a figure.</summary>
    public const string CoverageDefinition = "达标面（创建覆盖率）= 达标单位数 ÷ 已建关工委（关工小组）的单位数";

    /// <summary>The short name of a kind of body: 村、社区、学校、企业、机关, 乡镇、街道、教育局, 县（市、区）, 市, 市直, 其他.</summary>
    /// <param name="kind">The kind.</param>
    public static string KindName(CommitteeKind kind) => kind switch
    {
        CommitteeKind.City => "市",
        CommitteeKind.CityDepartments => "市直",
        CommitteeKind.County => "县（市、区）",
        CommitteeKind.Township => "乡镇",
        CommitteeKind.Street => "街道",
        CommitteeKind.EducationBureau => "教育局",
        CommitteeKind.Village => "村",
        CommitteeKind.Community => "社区",
        CommitteeKind.School => "学校",
        CommitteeKind.Enterprise => "企业",
        CommitteeKind.Department => "机关",
        _ => "其他",
    };

    /// <summary>
    /// What the body's committee is called: 关工小组 for villages, communities and schools ("村屯、社区、学校关工小组"),
    /// 关工委 for the others.
    /// </summary>
    /// <param name="kind">The kind.</param>
    public static string BodyName(CommitteeKind kind) =>
        kind is CommitteeKind.Village or CommitteeKind.Community or CommitteeKind.School ? "关工小组" : "关工委";

    /// <summary>Kinds joined the Chinese way, in enum order: 村、社区、学校.</summary>
    /// <param name="kinds">The kinds.</param>
    public static string KindList(IEnumerable<CommitteeKind> kinds)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        return string.Join("、", kinds.Distinct().Order().Select(KindName));
    }

    /// <summary>达标 or 未达标.</summary>
    /// <param name="outcome">The verdict outcome.</param>
    public static string Verdict(VerdictOutcome outcome) => outcome == VerdictOutcome.Passed ? Passed : NotPassed;

    /// <summary>A unit's standing in words.</summary>
    /// <param name="status">The status.</param>
    public static string Status(UnitStatus status) => status switch
    {
        UnitStatus.NotAssessed => "未参评",
        UnitStatus.InProgress => "申报审核中",
        UnitStatus.Passed => Passed,
        UnitStatus.Failed => NotPassed,
        UnitStatus.Revoked => "撤销达标（未达标）",
        UnitStatus.Returned => "退回整改（未达标）",
        _ => status.ToString(),
    };

    /// <summary>Where a submission is, in words.</summary>
    /// <param name="status">The case status.</param>
    public static string Status(CaseStatus status) => status switch
    {
        CaseStatus.Draft => "填报中",
        CaseStatus.Submitted => "已申报",
        CaseStatus.UnderReview => "审核中",
        CaseStatus.ReturnedForRectification => "退回整改",
        CaseStatus.Resubmitted => "整改后重新申报",
        CaseStatus.Passed => Passed,
        CaseStatus.Failed => NotPassed,
        CaseStatus.Revoked => "撤销达标",
        CaseStatus.Withdrawn => "已撤回",
        CaseStatus.RectificationExpired => "逾期未整改（未达标）",
        _ => status.ToString(),
    };

    /// <summary>A committee's full name for headers: e.g. 红星村 + 关工小组, when the stored name lacks the body name.</summary>
    /// <param name="committee">The committee.</param>
    public static string CommitteeTitle(Committee committee)
    {
        ArgumentNullException.ThrowIfNull(committee);
        return committee.Name.EndsWith("关工委", StringComparison.Ordinal) || committee.Name.EndsWith("关工小组", StringComparison.Ordinal)
            ? committee.Name
            : committee.Name + BodyName(committee.Kind);
    }
}
