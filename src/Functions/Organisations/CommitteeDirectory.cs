using GuanGong.Domain;
using GuanGong.Domain.Organisations;
using GuanGong.Functions.Records;

namespace GuanGong.Functions.Organisations;

/// <summary>
/// The organisation tree as stored (one row per committee) and as every request reads it: loaded
/// once and cached until an import replaces it. An import replaces the whole tree.
/// </summary>
public sealed class CommitteeDirectory(AppTables tables)
{
    private const string Partition = "committee";
    private readonly SemaphoreSlim _gate = new(1, 1);
    private OrganisationTree? _cached;

    public async Task<OrganisationTree> GetTreeAsync(CancellationToken cancellationToken)
    {
        if (_cached is { } tree)
        {
            return tree;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_cached is null)
            {
                var committees = (await tables.Committees.ListPartitionAsync(Partition, cancellationToken)).Select(r => r.Value).ToList();
                var built = OrganisationTree.Build(committees);
                _cached = built.IsSuccess
                    ? built.Value
                    : throw new InvalidOperationException("The stored organisation tree is invalid: " + string.Join("; ", built.Errors));
            }

            return _cached;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Stores a validated tree, replacing the previous one.</summary>
    public async Task ReplaceAsync(OrganisationTree tree, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tree);
        await _gate.WaitAsync(cancellationToken);
        try
        {
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

            _cached = tree;
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
}
