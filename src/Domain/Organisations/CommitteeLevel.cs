namespace GuanGong.Domain.Organisations;

/// <summary>
/// The structural level of a committee, top to bottom. Only the position in the chain is modelled here;
/// what a level is called (市, 县/区, 乡镇/街道/教育局, 村/社区/学校...) varies by region and is data
/// (see <see cref="CommitteeCsvOptions"/>), never logic.
/// </summary>
/// <remarks>The numeric values grow downwards: a child's level is always numerically greater than its parent's.</remarks>
public enum CommitteeLevel
{
    /// <summary>A city committee, or the committee of city-level departments (市直关工委): sets the campaign, sees all results.</summary>
    City = 1,

    /// <summary>A county or district committee: gives the final verdict on grassroots units and assesses townships.</summary>
    County = 2,

    /// <summary>A township, urban street office or county education bureau: reviews and scores its grassroots units.</summary>
    Township = 3,

    /// <summary>A village, community, school, enterprise or government department: assesses itself and submits.</summary>
    Grassroots = 4,
}
