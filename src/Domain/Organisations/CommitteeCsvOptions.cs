namespace GuanGong.Domain.Organisations;

/// <summary>
/// How the values of the <c>level</c> and <c>kind</c> columns are read. Local names differ by region, so they are
/// data: <see cref="Default"/> knows the enum names and common Chinese names; a region can supply its own.
/// Matching ignores case and surrounding spaces.
/// </summary>
public sealed record CommitteeCsvOptions
{
    /// <summary>The English enum names plus the common Chinese names seen in the source documents.</summary>
    public static CommitteeCsvOptions Default { get; } = new()
    {
        LevelNames = new Dictionary<string, CommitteeLevel>(StringComparer.OrdinalIgnoreCase)
        {
            ["city"] = CommitteeLevel.City,
            ["county"] = CommitteeLevel.County,
            ["township"] = CommitteeLevel.Township,
            ["grassroots"] = CommitteeLevel.Grassroots,
            ["市"] = CommitteeLevel.City,
            ["市级"] = CommitteeLevel.City,
            ["县"] = CommitteeLevel.County,
            ["区"] = CommitteeLevel.County,
            ["县级"] = CommitteeLevel.County,
            ["县区"] = CommitteeLevel.County,
            ["乡镇"] = CommitteeLevel.Township,
            ["乡镇街道"] = CommitteeLevel.Township,
            ["街道"] = CommitteeLevel.Township,
            ["基层"] = CommitteeLevel.Grassroots,
        },
        KindNames = new Dictionary<string, CommitteeKind>(StringComparer.OrdinalIgnoreCase)
        {
            ["市关工委"] = CommitteeKind.City,
            ["市直关工委"] = CommitteeKind.CityDepartments,
            ["县"] = CommitteeKind.County,
            ["区"] = CommitteeKind.County,
            ["县区"] = CommitteeKind.County,
            ["乡"] = CommitteeKind.Township,
            ["镇"] = CommitteeKind.Township,
            ["乡镇"] = CommitteeKind.Township,
            ["街道"] = CommitteeKind.Street,
            ["教育局"] = CommitteeKind.EducationBureau,
            ["村"] = CommitteeKind.Village,
            ["屯"] = CommitteeKind.Village,
            ["社区"] = CommitteeKind.Community,
            ["学校"] = CommitteeKind.School,
            ["企业"] = CommitteeKind.Enterprise,
            ["机关"] = CommitteeKind.Department,
            ["机关单位"] = CommitteeKind.Department,
            ["部门"] = CommitteeKind.Department,
            ["其他"] = CommitteeKind.Other,
        },
    };

    /// <summary>Names accepted in the <c>level</c> column, besides the enum names which are always accepted.</summary>
    public required IReadOnlyDictionary<string, CommitteeLevel> LevelNames { get; init; }

    /// <summary>Names accepted in the <c>kind</c> column, besides the enum names which are always accepted.</summary>
    public required IReadOnlyDictionary<string, CommitteeKind> KindNames { get; init; }
}
