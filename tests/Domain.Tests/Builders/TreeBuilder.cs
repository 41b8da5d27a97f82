using GuanGong.Domain.Organisations;

namespace GuanGong.Domain.Tests.Builders;

/// <summary>Builds organisation trees for tests: a city, counties, townships and units with readable codes.</summary>
internal sealed class TreeBuilder
{
    private readonly List<Committee> _committees = [];

    public static Committee Committee(string code, CommitteeLevel level, string? parent, CommitteeKind? kind = null) =>
        new(
            code,
            code + "关工委",
            level,
            kind ?? DefaultKind(level),
            parent,
            [new Reviewer("审核人" + code, code.ToLowerInvariant().Replace('.', '-') + "@example.cn")],
            new Reviewer("后备" + code, "fallback-" + code.ToLowerInvariant().Replace('.', '-') + "@example.cn"));

    public TreeBuilder City(string code)
    {
        _committees.Add(Committee(code, CommitteeLevel.City, null));
        return this;
    }

    public TreeBuilder County(string code, string? parent)
    {
        _committees.Add(Committee(code, CommitteeLevel.County, parent));
        return this;
    }

    public TreeBuilder Township(string code, string? parent)
    {
        _committees.Add(Committee(code, CommitteeLevel.Township, parent));
        return this;
    }

    public TreeBuilder Unit(string code, string parent, CommitteeKind kind = CommitteeKind.Village)
    {
        _committees.Add(Committee(code, CommitteeLevel.Grassroots, parent, kind));
        return this;
    }

    /// <summary>Adds <paramref name="count"/> units named parent.U1..Un.</summary>
    public TreeBuilder Units(string parent, int count, CommitteeKind kind = CommitteeKind.Village)
    {
        for (var i = 1; i <= count; i++)
        {
            Unit($"{parent}.U{i}", parent, kind);
        }

        return this;
    }

    public IReadOnlyList<Committee> Committees => _committees;

    public OrganisationTree Build() => OrganisationTree.Build(_committees).Value;

    /// <summary>City C, county C.K, townships C.K.T1 (3 villages) and C.K.T2 (2 schools).</summary>
    public static OrganisationTree Standard() =>
        new TreeBuilder()
            .City("C")
            .County("C.K", "C")
            .Township("C.K.T1", "C.K")
            .Units("C.K.T1", 3)
            .Township("C.K.T2", "C.K")
            .Units("C.K.T2", 2, CommitteeKind.School)
            .Build();

    private static CommitteeKind DefaultKind(CommitteeLevel level) => level switch
    {
        CommitteeLevel.City => CommitteeKind.City,
        CommitteeLevel.County => CommitteeKind.County,
        CommitteeLevel.Township => CommitteeKind.Township,
        _ => CommitteeKind.Village,
    };
}
