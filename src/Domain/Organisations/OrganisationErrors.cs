namespace GuanGong.Domain.Organisations;

/// <summary>The validation errors of the organisation tree, in Chinese and English.</summary>
internal static class OrganisationErrors
{
    public static ValidationError CodeMissing() =>
        new("code", "committee.code_missing", "编码不能为空。", "The code is missing.");

    public static ValidationError NameMissing() =>
        new("name", "committee.name_missing", "名称不能为空。", "The name is missing.");

    public static ValidationError DuplicateCode(string code, int firstIndex) =>
        new("code", "committee.code_duplicate", $"编码“{code}”重复。", $"The code '{code}' is used more than once (first at committees[{firstIndex}]).");

    public static ValidationError LevelUnknown(string level) =>
        new("level", "committee.level_unknown", $"层级“{level}”无法识别。", $"The level '{level}' is not known.");

    public static ValidationError KindUnknown(string kind) =>
        new("kind", "committee.kind_unknown", $"类型“{kind}”无法识别。", $"The kind '{kind}' is not known.");

    public static ValidationError UnknownParent(string parentCode) =>
        new("parentCode", "committee.parent_unknown", $"上级编码“{parentCode}”不存在。", $"The parent code '{parentCode}' does not exist.");

    public static ValidationError Cycle(string code) =>
        new("parentCode", "committee.cycle", $"“{code}”的上级关系形成循环。", $"The parent links of '{code}' form a cycle.");

    public static ValidationError LevelNotBelowParent(CommitteeLevel level, string parentCode, CommitteeLevel parentLevel) =>
        new(
            "level",
            "committee.level_not_below_parent",
            $"层级必须低于上级“{parentCode}”的层级。",
            $"The level {level} must be below the level {parentLevel} of the parent '{parentCode}'.");

    public static ValidationError ChainIncomplete(string code, int wanted, int found) =>
        new(
            "code",
            "chain.incomplete",
            $"“{code}”上级不足，无法组成验收链（需要 {wanted} 级，只有 {found} 级）。",
            $"'{code}' has {found} committees above it; the acceptance chain needs {wanted}.");

    public static ValidationError NotAssessed(string code, CommitteeLevel level) =>
        new(
            "code",
            "chain.not_assessed",
            $"“{code}”是市、县级关工委，不是创建对象（县级验收乡镇和基层单位，市级只做年终检查）。",
            $"'{code}' is a {level} committee; only townships and grassroots units are assessed.");

    public static ValidationError NoCountyAbove(string code) =>
        new(
            "code",
            "chain.no_county_above",
            $"“{code}”上面没有县级（或以上）关工委，无人验收。",
            $"'{code}' has no county-level committee above it to give the verdict.");
}
