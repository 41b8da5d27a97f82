using GuanGong.Domain.Organisations;

namespace GuanGong.Domain.Statistics;

/// <summary>The figures of one kind of committee in a subtree, e.g. all enterprises under a district.</summary>
/// <param name="Kind">The kind.</param>
/// <param name="Established">Committees of this kind in the subtree.</param>
/// <param name="Assessed">Those with a final verdict.</param>
/// <param name="Passed">Those currently passed.</param>
/// <param name="PassedOfAssessed">Passed / assessed.</param>
/// <param name="PassedOfEstablished">Passed / established.</param>
public sealed record KindFigures(CommitteeKind Kind, int Established, int Assessed, int Passed, Ratio PassedOfAssessed, Ratio PassedOfEstablished);
