namespace GuanGong.Domain.Organisations;

/// <summary>
/// What an organisation file holds: the tree of committees, and beside it the grassroots units that have not yet set up a
/// committee (未建关工委/关工小组), each under the committee above it. Those are never invited and never have a case; they
/// count only in 应建 (组建率).
/// </summary>
public sealed record OrganisationImport(OrganisationTree Tree, IReadOnlyList<Committee> WithoutCommittee);
