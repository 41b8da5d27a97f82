using System.Text;

namespace GuanGong.Domain.Organisations;

/// <summary>
/// Imports the organisation tree from a CSV file an administrator prepared in a spreadsheet.
/// </summary>
/// <remarks>
/// <para>Format: UTF-8 (with or without a byte-order mark), comma separated, fields may be double-quoted.
/// The first record is a header naming the columns (English or Chinese names, any order):</para>
/// <list type="table">
/// <item><term><c>code</c> / 编码</term><description>required, unique.</description></item>
/// <item><term><c>name</c> / 名称</term><description>required.</description></item>
/// <item><term><c>level</c> / 层级</term><description>required; see <see cref="CommitteeCsvOptions.LevelNames"/>.</description></item>
/// <item><term><c>kind</c> / 类型</term><description>required; see <see cref="CommitteeCsvOptions.KindNames"/>.</description></item>
/// <item><term><c>parent_code</c> / 上级编码</term><description>empty for a root.</description></item>
/// <item><term><c>reviewers</c> / 审核人</term><description>optional; <c>姓名&lt;email&gt;</c> entries separated by <c>;</c> or <c>；</c>.</description></item>
/// <item><term><c>fallback_reviewer</c> / 后备审核人</term><description>optional; one <c>姓名&lt;email&gt;</c>.</description></item>
/// <item><term><c>note</c> / 备注</term><description>optional; ignored (spreadsheets often carry one).</description></item>
/// <item><term><c>established</c> / 已建关工组织</term><description>optional; 是 (the default, also when the column or
/// the cell is empty) or 否 for a grassroots unit that has not yet set up its 关工委/关工小组. Such a unit is not part of
/// the tree: it is never invited and never has a case, but it counts in 应建 for 组建率
/// (<see cref="OrganisationImport.WithoutCommittee"/>). Its parent must be a committee of the file; it cannot be a
/// parent itself. Also accepted: yes/no, true/false, 1/0, 已建/未建.</description></item>
/// </list>
/// <para>A file without the column imports exactly as before: every row is a committee.</para>
/// <para>Any other column name is an error, so a misspelt optional column (e.g. <c>reviewer</c>) cannot silently drop data.</para>
/// <para>A cell holding a line break (Excel's Alt+Enter), another control character or a bidi-formatting
/// character (<see cref="TextRules"/>) is an error of its row; the note column is not checked, as it is not kept.</para>
/// <para>Every bad row is reported with its line number (the header is line 1), not just the first one;
/// tree errors (unknown parent, cycle, duplicate code, level) are reported on the line of the row concerned.</para>
/// </remarks>
public static class CommitteeCsvImporter
{
    private static readonly (string Key, string[] Names)[] Columns =
    [
        ("code", ["code", "编码", "代码"]),
        ("name", ["name", "名称"]),
        ("level", ["level", "层级", "级别"]),
        ("kind", ["kind", "类型"]),
        ("parent_code", ["parent_code", "parent", "上级编码", "上级代码"]),
        ("reviewers", ["reviewers", "审核人"]),
        ("fallback_reviewer", ["fallback_reviewer", "后备审核人"]),
        ("note", ["note", "notes", "备注"]),
        ("established", ["established", "已建关工组织", "已建"]),
    ];

    private static readonly Dictionary<string, bool> EstablishedValues = new(StringComparer.OrdinalIgnoreCase)
    {
        [string.Empty] = true, ["是"] = true, ["yes"] = true, ["true"] = true, ["1"] = true, ["已建"] = true, ["有"] = true,
        ["否"] = false, ["no"] = false, ["false"] = false, ["0"] = false, ["未建"] = false, ["无"] = false,
    };

    private static readonly (string Key, string Label)[] CheckedColumns =
    [
        ("code", "编码"), ("name", "名称"), ("level", "层级"), ("kind", "类型"), ("parent_code", "上级编码"), ("reviewers", "审核人"), ("fallback_reviewer", "后备审核人"), ("established", "已建关工组织"),
    ];

    private static readonly string[] RequiredColumns = ["code", "name", "level", "kind", "parent_code"];

    /// <summary>Imports from raw file bytes, which must be UTF-8 (a file saved as GBK is refused with a clear message).</summary>
    /// <param name="utf8">The file content.</param>
    /// <param name="options">Level and kind names; <see cref="CommitteeCsvOptions.Default"/> when null.</param>
    public static Result<OrganisationTree> Import(ReadOnlySpan<byte> utf8, CommitteeCsvOptions? options = null)
    {
        var imported = ImportOrganisation(utf8, options);
        return imported.IsSuccess ? Result<OrganisationTree>.Success(imported.Value.Tree) : Result<OrganisationTree>.Failure(imported.Errors);
    }

    /// <summary>Imports from raw file bytes (UTF-8): the tree and the units without a committee (<c>已建关工组织</c> = 否).</summary>
    public static Result<OrganisationImport> ImportOrganisation(ReadOnlySpan<byte> utf8, CommitteeCsvOptions? options = null)
    {
        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(utf8);
        }
        catch (DecoderFallbackException)
        {
            return Result<OrganisationImport>.Failure(new ValidationError(
                "file",
                "csv.not_utf8",
                "文件不是 UTF-8 编码。请在表格软件中另存为“CSV UTF-8”。",
                "The file is not UTF-8. Save it as 'CSV UTF-8' in the spreadsheet program.",
                1));
        }

        return ImportOrganisation(text, options);
    }

    /// <summary>Imports from text (a leading byte-order mark is ignored).</summary>
    /// <param name="text">The CSV text.</param>
    /// <param name="options">Level and kind names; <see cref="CommitteeCsvOptions.Default"/> when null.</param>
    public static Result<OrganisationTree> Import(string text, CommitteeCsvOptions? options = null)
    {
        var imported = ImportOrganisation(text, options);
        return imported.IsSuccess ? Result<OrganisationTree>.Success(imported.Value.Tree) : Result<OrganisationTree>.Failure(imported.Errors);
    }

    /// <summary>Imports from text: the tree and the units without a committee (<c>已建关工组织</c> = 否).</summary>
    public static Result<OrganisationImport> ImportOrganisation(string text, CommitteeCsvOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        options ??= CommitteeCsvOptions.Default;
        var (records, errors) = CsvReader.Read(text);
        var allErrors = new List<ValidationError>(errors);
        if (records.Count == 0)
        {
            allErrors.Add(new("file", "csv.empty", "文件是空的。", "The file is empty.", 1));
            return Result<OrganisationImport>.Failure(allErrors);
        }

        var header = records[0];
        var columnIndex = ReadHeader(header, allErrors);
        if (RequiredColumns.Any(c => !columnIndex.ContainsKey(c)))
        {
            return Result<OrganisationImport>.Failure(allErrors);
        }

        var good = new List<(Committee Committee, int Line)>();
        var without = new List<(Committee Unit, int Line)>();
        var allCodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in records.Skip(1))
        {
            var rowErrors = new List<ValidationError>();
            var committee = ReadRow(record, columnIndex, header.Fields.Count, options, rowErrors);
            var established = ReadEstablished(record, columnIndex, rowErrors);
            if (committee?.Code is { Length: > 0 } code && established)
            {
                allCodes.Add(code);
            }

            if (rowErrors.Count == 0 && committee is not null)
            {
                (established ? good : without).Add((committee, record.Line));
            }

            allErrors.AddRange(rowErrors.Select(e => e with { Line = record.Line }));
        }

        var built = OrganisationTree.Build([.. good.Select(g => g.Committee)]);
        if (built.IsSuccess)
        {
            allErrors.AddRange(CheckWithoutCommittee(built.Value, without));
        }

        if (built.IsSuccess && allErrors.Count == 0)
        {
            return Result<OrganisationImport>.Success(new OrganisationImport(built.Value, [.. without.Select(w => w.Unit)]));
        }

        foreach (var error in built.Errors)
        {
            var (index, field) = SplitTreePath(error.Path);
            var committee = good[index].Committee;
            // A parent that exists but sits on a bad row is that row's problem, already reported there.
            if (error.Code == "committee.parent_unknown" && committee.ParentCode is { } p && allCodes.Contains(p))
            {
                continue;
            }

            allErrors.Add(error with { Path = ToColumn(field), Line = good[index].Line });
        }

        return Result<OrganisationImport>.Failure(allErrors.Count == 0 ? built.Errors : allErrors.OrderBy(e => e.Line));
    }

    private static bool ReadEstablished(CsvRecord record, Dictionary<string, int> columns, List<ValidationError> errors)
    {
        if (!columns.TryGetValue("established", out var i) || i >= record.Fields.Count)
        {
            return true;
        }

        var text = record.Fields[i].Trim();
        if (EstablishedValues.TryGetValue(text, out var established))
        {
            return established;
        }

        errors.Add(new("established", "csv.established_invalid", $"“已建关工组织”应填“是”或“否”，不能是“{text}”。", $"'established' must be yes or no, not '{text}'."));
        return true;
    }

    // A unit without a committee: a grassroots unit, under a committee of the file, with a code no other row uses, and
    // no row's parent (it has no committee to review anyone).
    private static IEnumerable<ValidationError> CheckWithoutCommittee(OrganisationTree tree, IReadOnlyList<(Committee Unit, int Line)> without)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (unit, line) in without)
        {
            if (unit.Level != CommitteeLevel.Grassroots)
            {
                yield return new("level", "csv.without_committee_level", "只有基层单位（村、社区、学校、企业、机关）可以填“未建”。", "Only a grassroots unit can be without a committee.", line);
            }

            if (tree.Contains(unit.Code) || !seen.Add(unit.Code))
            {
                yield return OrganisationErrors.DuplicateCode(unit.Code, 0) with { Path = "code", Line = line };
            }

            if (unit.ParentCode is { } parent && without.Any(w => w.Unit.Code == parent))
            {
                yield return new("parent_code", "csv.parent_without_committee", $"上级“{parent}”尚未建立关工组织，不能作为上级。", $"The parent '{parent}' has no committee.", line);
            }
            else if (unit.ParentCode is null || !tree.Contains(unit.ParentCode))
            {
                yield return OrganisationErrors.UnknownParent(unit.ParentCode ?? string.Empty) with { Path = "parent_code", Line = line };
            }
        }
    }

    private static Dictionary<string, int> ReadHeader(CsvRecord header, List<ValidationError> errors)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Fields.Count; i++)
        {
            var name = header.Fields[i].Trim();
            if (name.Length == 0)
            {
                // A trailing empty column some spreadsheets add: nothing to read there.
                continue;
            }

            var column = Columns.FirstOrDefault(c => c.Names.Contains(name, StringComparer.OrdinalIgnoreCase));
            if (column.Key is null)
            {
                errors.Add(new("header", "csv.column_unknown", $"无法识别的列“{name}”。", $"Unknown column '{name}'.", header.Line));
            }
            else if (!index.TryAdd(column.Key, i))
            {
                errors.Add(new("header", "csv.column_duplicate", $"列“{name}”重复。", $"The column '{name}' appears twice.", header.Line));
            }
        }

        foreach (var required in RequiredColumns.Where(c => !index.ContainsKey(c)))
        {
            errors.Add(new("header", "csv.column_missing", $"缺少列“{required}”。", $"The column '{required}' is missing.", header.Line));
        }

        return index;
    }

    private static Committee? ReadRow(
        CsvRecord record,
        Dictionary<string, int> columns,
        int headerWidth,
        CommitteeCsvOptions options,
        List<ValidationError> errors)
    {
        if (record.Fields.Count != headerWidth)
        {
            errors.Add(new(
                "row",
                "csv.field_count",
                $"本行有 {record.Fields.Count} 列，表头有 {headerWidth} 列。",
                $"The row has {record.Fields.Count} fields; the header has {headerWidth}."));
            return null;
        }

        string Field(string key) => columns.TryGetValue(key, out var i) ? record.Fields[i].Trim() : string.Empty;

        // A cell with Alt+Enter (CR/LF), a control or a bidi character is refused: the name goes into
        // mail headers, pages and exports, where such a character breaks or disguises what is shown.
        foreach (var (key, label) in CheckedColumns)
        {
            if (TextRules.FirstUnsafe(Field(key)) is { } bad)
            {
                errors.Add(TextRules.UnsafeCharacter(key, label, bad));
            }
        }

        if (errors.Count > 0)
        {
            return null;
        }

        var code = Field("code");
        var name = Field("name");
        if (code.Length == 0)
        {
            errors.Add(OrganisationErrors.CodeMissing());
        }

        if (name.Length == 0)
        {
            errors.Add(OrganisationErrors.NameMissing() with { Path = "name" });
        }

        var level = ParseLevel(Field("level"), options);
        if (level is null)
        {
            errors.Add(OrganisationErrors.LevelUnknown(Field("level")));
        }

        var kind = ParseKind(Field("kind"), options);
        if (kind is null)
        {
            errors.Add(OrganisationErrors.KindUnknown(Field("kind")));
        }

        var reviewers = new List<Reviewer>();
        var reviewerText = Field("reviewers");
        if (reviewerText.Length > 0)
        {
            foreach (var part in reviewerText.Split([';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var reviewer = ParseReviewer(part, "reviewers", errors);
                if (reviewer is not null)
                {
                    reviewers.Add(reviewer);
                }
            }
        }

        var fallbackText = Field("fallback_reviewer");
        var fallback = fallbackText.Length > 0 ? ParseReviewer(fallbackText, "fallback_reviewer", errors) : null;
        var parent = Field("parent_code");
        return new Committee(
            code,
            name,
            level ?? CommitteeLevel.Grassroots,
            kind ?? CommitteeKind.Other,
            parent.Length == 0 ? null : parent,
            reviewers,
            fallback);
    }

    private static Reviewer? ParseReviewer(string text, string column, List<ValidationError> errors)
    {
        var open = text.IndexOf('<', StringComparison.Ordinal);
        var close = text.LastIndexOf('>');
        if (open <= 0 || close != text.Length - 1 || close < open)
        {
            errors.Add(new(
                column,
                "csv.reviewer_format",
                $"审核人“{text}”格式应为：姓名<邮箱>。",
                $"The reviewer '{text}' must be written as Name<email>."));
            return null;
        }

        var reviewer = new Reviewer(text[..open].Trim(), text[(open + 1)..close].Trim());
        var problems = ReviewerRules.Validate(reviewer);
        errors.AddRange(problems.Select(p => p with { Path = column }));
        return problems.Count == 0 ? reviewer : null;
    }

    private static CommitteeLevel? ParseLevel(string text, CommitteeCsvOptions options) =>
        Enum.TryParse<CommitteeLevel>(text, ignoreCase: true, out var level) && Enum.IsDefined(level) && !int.TryParse(text, out _)
            ? level
            : options.LevelNames.TryGetValue(text, out var named) ? named : null;

    private static CommitteeKind? ParseKind(string text, CommitteeCsvOptions options) =>
        Enum.TryParse<CommitteeKind>(text, ignoreCase: true, out var kind) && Enum.IsDefined(kind) && !int.TryParse(text, out _)
            ? kind
            : options.KindNames.TryGetValue(text, out var named) ? named : null;

    private static (int Index, string Field) SplitTreePath(string path)
    {
        // Paths from OrganisationTree.Build look like "committees[12].parentCode".
        var open = path.IndexOf('[', StringComparison.Ordinal);
        var close = path.IndexOf(']', StringComparison.Ordinal);
        var index = int.Parse(path[(open + 1)..close], System.Globalization.CultureInfo.InvariantCulture);
        var field = close + 2 <= path.Length ? path[(close + 2)..] : string.Empty;
        return (index, field);
    }

    private static string ToColumn(string field) => field switch
    {
        "parentCode" => "parent_code",
        "fallbackReviewer" => "fallback_reviewer",
        _ when field.StartsWith("reviewers", StringComparison.Ordinal) => "reviewers",
        _ => field,
    };
}
