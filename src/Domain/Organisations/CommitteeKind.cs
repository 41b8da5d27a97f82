namespace GuanGong.Domain.Organisations;

/// <summary>
/// What kind of body a committee is attached to. Kinds refine <see cref="CommitteeLevel"/> for reports and queries
/// (e.g. "all schools under this county"); rules never depend on a kind's local name.
/// </summary>
public enum CommitteeKind
{
    /// <summary>A city committee.</summary>
    City,

    /// <summary>The committee for city-level departments (市直关工委).</summary>
    CityDepartments,

    /// <summary>A county, county-level city or district committee.</summary>
    County,

    /// <summary>A township or town committee.</summary>
    Township,

    /// <summary>An urban street office committee.</summary>
    Street,

    /// <summary>A county education bureau committee (it reviews the schools).</summary>
    EducationBureau,

    /// <summary>A village or hamlet committee.</summary>
    Village,

    /// <summary>A residential community committee.</summary>
    Community,

    /// <summary>A primary or secondary school committee.</summary>
    School,

    /// <summary>An enterprise committee.</summary>
    Enterprise,

    /// <summary>A government department or public institution committee.</summary>
    Department,

    /// <summary>Any other body.</summary>
    Other,
}
