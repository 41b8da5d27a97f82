using GuanGong.Domain.Organisations;
using GuanGong.Domain.Standards;

namespace GuanGong.Domain.Campaigns;

/// <summary>Guidance by type (分类指导): the scoring sheet units of one kind are judged on (schools, enterprises and villages differ).</summary>
/// <param name="Kind">The unit kind.</param>
/// <param name="Template">The pinned template for that kind.</param>
public sealed record KindTemplate(CommitteeKind Kind, TemplatePin Template);
