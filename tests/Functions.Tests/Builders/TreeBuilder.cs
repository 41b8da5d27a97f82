using GuanGong.Domain.Organisations;

namespace GuanGong.Functions.Tests.Builders;

/// <summary>
/// The organisation tree the workflow tests share: one county (LG-C) with two townships (LG-T1 with
/// three grassroots units, LG-T2 with one) and a school directly under the county's education bureau.
/// </summary>
internal static class TreeBuilder
{
    public const string County = "LG-C";
    public const string Township1 = "LG-T1";
    public const string Township2 = "LG-T2";
    public const string Unit1 = "LG-T1-V1";
    public const string Unit2 = "LG-T1-V2";
    public const string Unit3 = "LG-T1-V3";
    public const string Unit4 = "LG-T2-V1";

    public static OrganisationTree Standard()
    {
        var result = OrganisationTree.Build(
        [
            Committee(County, "示例县关工委", CommitteeLevel.County, CommitteeKind.County, null),
            Committee(Township1, "东镇关工委", CommitteeLevel.Township, CommitteeKind.Township, County),
            Committee(Township2, "西镇关工委", CommitteeLevel.Township, CommitteeKind.Township, County),
            Committee(Unit1, "东村关工委", CommitteeLevel.Grassroots, CommitteeKind.Village, Township1),
            Committee(Unit2, "南村关工委", CommitteeLevel.Grassroots, CommitteeKind.Village, Township1),
            Committee(Unit3, "东镇中心小学关工委", CommitteeLevel.Grassroots, CommitteeKind.School, Township1),
            Committee(Unit4, "西村关工委", CommitteeLevel.Grassroots, CommitteeKind.Village, Township2),
        ]);
        return result.IsSuccess ? result.Value : throw new InvalidOperationException(string.Join("; ", result.Errors));
    }

    private static Committee Committee(string code, string name, CommitteeLevel level, CommitteeKind kind, string? parent) =>
        new(code, name, level, kind, parent, [new Reviewer("审核人" + code, $"reviewer@{code.ToLowerInvariant()}.example.cn")], null);
}
