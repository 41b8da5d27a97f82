namespace GuanGong.Functions.Statistics;

/// <summary>Pass rates of one kind of unit (village, community, school…) within the subtree.</summary>
public sealed record KindView(string Kind, string KindName, int Established, int Assessed, int Passed, RatioView PassedOfAssessed, RatioView PassedOfEstablished);
