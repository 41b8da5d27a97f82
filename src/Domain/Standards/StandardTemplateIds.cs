namespace GuanGong.Domain.Standards;

/// <summary>
/// The ids of the templates shipped with the project (embedded <c>Standards/*.json</c>). Version 2 of each scored
/// template (issue 15) follows the documents: 六好's items in the document's order, reports to the party committee 3×/year
/// for townships and 4×/year for villages, communities and schools, 五有五好 as the 五有 check plus five 好 criteria,
/// "常务副主任由五老担任" as a yes/no item, and every invented value marked 示例.
/// </summary>
public static class StandardTemplateIds
{
    /// <summary>五好基层关工委 A 版 (a municipal plan): 领导班子建设好, 五老队伍建设好, 各项制度建设好, 积极探索创新好, 工作活动开展好.</summary>
    public const string FiveGoodA = "five-good-a";

    /// <summary>五好基层关工委 B 版 (a city's department committees): 班子和五老作用发挥好, 制度健全执行好, 活动经常效果好...</summary>
    public const string FiveGoodB = "five-good-b";

    /// <summary>六好基层关工委 (a township's plan), in its order: 领导班子建设好, 争取相关部门配合好, “五老”作用发挥好, 制度健全执行好, 积极探索创新好, 活动经常效果好.</summary>
    public const string SixGood = "six-good";

    /// <summary>五有 preconditions only: 有班子, 有队伍, 有办公场地, 有活动经费, 有活动.</summary>
    public const string FiveHaves = "five-haves";

    /// <summary>五有五好: the 五有 check (five preconditions) gates five 好 criteria.</summary>
    public const string FiveHavesFiveGoods = "five-haves-five-goods";
}
