using GuanGong.Domain;
using GuanGong.Domain.Organisations;

namespace GuanGong.Functions.Statistics;

/// <summary>How a committee's kind is written in Chinese reports: the documents' own words (村、社区、学校、企业、机关…).</summary>
public static class CommitteeKindNames
{
    public static string Of(CommitteeKind kind) => Wording.KindName(kind);
}
