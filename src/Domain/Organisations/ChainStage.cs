namespace GuanGong.Domain.Organisations;

/// <summary>One stage of an <see cref="AcceptanceChain"/>.</summary>
/// <param name="Index">0 for self-assessment, then 1..N for the review stages; the last one is the verdict.</param>
/// <param name="Role">What the committee does at this stage.</param>
/// <param name="CommitteeCode">The committee that acts at this stage.</param>
public sealed record ChainStage(int Index, ChainRole Role, string CommitteeCode);
