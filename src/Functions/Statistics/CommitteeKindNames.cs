using GuanGong.Domain.Organisations;

namespace GuanGong.Functions.Statistics;

/// <summary>How a committee's kind is written in Chinese reports.</summary>
public static class CommitteeKindNames
{
    public static string Of(CommitteeKind kind) => kind switch
    {
        CommitteeKind.City => "市",
        CommitteeKind.CityDepartments => "市直机关",
        CommitteeKind.County => "县（市、区）",
        CommitteeKind.Township => "乡镇",
        CommitteeKind.Street => "街道",
        CommitteeKind.EducationBureau => "教育局",
        CommitteeKind.Village => "村",
        CommitteeKind.Community => "社区",
        CommitteeKind.School => "学校",
        CommitteeKind.Enterprise => "企业",
        CommitteeKind.Department => "机关部门",
        _ => "其他",
    };
}
