using GuanGong.Domain;
using GuanGong.Domain.Organisations;
using GuanGong.Functions.Records;
using GuanGong.Functions.ReferenceData;
using Azure.Data.Tables;

namespace GuanGong.Functions.Organisations;

/// <summary>
/// The organisation tree as stored (one row per committee) and as every request reads it: held in
/// memory and checked again at most every <c>GuanGong:ReferenceData:MaxAge</c> (default 30 s). An
/// import through this host replaces the held tree at once; an import through another host is seen
/// within that bound. The check is one point read of a version row that every import rewrites last,
/// so an unchanged tree (5,000 rows for a city) is not read again.
/// </summary>
public sealed class CommitteeDirectory(AppTables tables, TimeProvider time, IConfiguration configuration)
{
    private const string Partition = "committee";

    // The grassroots units that have not yet set up a committee (组建率): beside the tree, never in it.
    private const string WithoutCommitteePartition = "without-committee";

    // Outside the committees' partition, so listing the tree never sees it.
    private const string VersionPartition = "directory";
    private const string VersionRow = "version";
    private const string VersionColumn = "Version";

    private readonly TimeSpan _maxAge = ReferenceDataSettings.MaxAge(configuration);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Held? _held;

    public async Task<OrganisationTree> GetTreeAsync(CancellationToken cancellationToken)
    {
        if (_held is { } held && IsFresh(held))
        {
            return held.Tree;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_held is { } again && IsFresh(again))
            {
                return again.Tree;
            }

            // The version is read before the rows: an import that lands during the read changes the
            // version after it, so the next check reads the tree again.
            var checkedAt = time.GetUtcNow();
            var version = await ReadVersionAsync(cancellationToken);
            if (_held is { } known && version is not null && known.Version == version)
            {
                _held = known with { CheckedAt = checkedAt };
                return known.Tree;
            }

            var committees = (await tables.Committees.ListPartitionAsync(Partition, cancellationToken)).Select(r => r.Value).ToList();
            var built = OrganisationTree.Build(committees);
            var tree = built.IsSuccess
                ? built.Value
                : throw new InvalidOperationException("The stored organisation tree is invalid: " + string.Join("; ", built.Errors));
            _held = new Held(tree, version, checkedAt);
            return tree;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// The grassroots units the last import listed without a committee (已建关工组织 = 否): they count in 应建 and nowhere
    /// else. Empty for a tree imported before the column existed.
    /// </summary>
    public async Task<IReadOnlyList<Committee>> GetWithoutCommitteeAsync(CancellationToken cancellationToken) =>
        [.. (await tables.Committees.ListPartitionAsync(WithoutCommitteePartition, cancellationToken)).Select(r => r.Value)];

    /// <summary>Stores a validated tree, replacing the previous one; <paramref name="withoutCommittee"/> replaces the units listed without a committee.</summary>
    public async Task ReplaceAsync(OrganisationTree tree, CancellationToken cancellationToken, IReadOnlyList<Committee>? withoutCommittee = null)
    {
        ArgumentNullException.ThrowIfNull(tree);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            _held = null;
            var listedWithout = (await tables.Committees.ListPartitionAsync(WithoutCommitteePartition, cancellationToken)).Select(r => r.RowKey).ToHashSet(StringComparer.Ordinal);
            foreach (var unit in withoutCommittee ?? [])
            {
                await tables.Committees.UpsertAsync(WithoutCommitteePartition, unit.Code, unit, cancellationToken: cancellationToken);
                listedWithout.Remove(unit.Code);
            }

            foreach (var gone in listedWithout)
            {
                await tables.Committees.Client.DeleteEntityAsync(WithoutCommitteePartition, gone, cancellationToken: cancellationToken);
            }

            var existing = (await tables.Committees.ListPartitionAsync(Partition, cancellationToken)).Select(r => r.RowKey).ToHashSet(StringComparer.Ordinal);
            foreach (var committee in tree.Committees)
            {
                await tables.Committees.UpsertAsync(Partition, committee.Code, committee, cancellationToken: cancellationToken);
                existing.Remove(committee.Code);
            }

            foreach (var gone in existing)
            {
                await tables.Committees.Client.DeleteEntityAsync(Partition, gone, cancellationToken: cancellationToken);
            }

            var version = Guid.NewGuid().ToString("N");
            var checkedAt = time.GetUtcNow();
            await tables.Committees.Client.UpsertEntityAsync(new TableEntity(VersionPartition, VersionRow) { [VersionColumn] = version }, TableUpdateMode.Replace, cancellationToken);
            _held = new Held(tree, version, checkedAt);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Codes become table keys and URL segments: letters, digits, '-', '_' and '.', at most 64.</summary>
    public static IReadOnlyList<ValidationError> CheckCodes(OrganisationTree tree) =>
        [.. tree.Committees
            .Select((c, i) => (Committee: c, Index: i))
            .Where(x => !IsSafeCode(x.Committee.Code))
            .Select(x => new ValidationError(
                $"committees[{x.Index}].code",
                "committee.code_characters",
                $"编码“{x.Committee.Code}”只能包含字母、数字、“-”“_”“.”，且不超过 64 个字符。",
                $"The code '{x.Committee.Code}' may contain only letters, digits, '-', '_' and '.', at most 64 characters."))];

    public static bool IsSafeCode(string code) =>
        code.Length is > 0 and <= 64 && code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    /// <summary>Whether <paramref name="code"/> is <paramref name="root"/> or below it.</summary>
    public static bool IsWithin(OrganisationTree tree, string code, string root) =>
        code == root || (tree.Contains(code) && tree.Ancestors(code).Any(a => a.Code == root));

    private bool IsFresh(Held held)
    {
        var age = time.GetUtcNow() - held.CheckedAt;
        return age >= TimeSpan.Zero && age < _maxAge;
    }

    private async Task<string?> ReadVersionAsync(CancellationToken cancellationToken)
    {
        var row = await tables.Committees.Client.GetEntityIfExistsAsync<TableEntity>(VersionPartition, VersionRow, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value!.GetString(VersionColumn) : null;
    }

    private sealed record Held(OrganisationTree Tree, string? Version, DateTimeOffset CheckedAt);
}
