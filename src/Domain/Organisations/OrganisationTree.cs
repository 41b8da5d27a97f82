namespace GuanGong.Domain.Organisations;

/// <summary>
/// The validated tree (or forest) of committees. Build it with <see cref="Build"/>: every code is unique,
/// every parent exists, there is no cycle, and every child sits at a lower level than its parent
/// (levels may be skipped, e.g. city-department committees directly under the 市直关工委).
/// Immutable; queries return committees in the order they were supplied.
/// </summary>
public sealed class OrganisationTree
{
    private readonly Dictionary<string, Committee> _byCode;
    private readonly Dictionary<string, List<Committee>> _children;

    private OrganisationTree(IReadOnlyList<Committee> committees)
    {
        Committees = committees;
        _byCode = committees.ToDictionary(c => c.Code, StringComparer.Ordinal);
        _children = new Dictionary<string, List<Committee>>(StringComparer.Ordinal);
        foreach (var committee in committees)
        {
            if (committee.ParentCode is { } parent)
            {
                if (!_children.TryGetValue(parent, out var list))
                {
                    _children[parent] = list = [];
                }

                list.Add(committee);
            }
        }
    }

    /// <summary>All committees, in input order.</summary>
    public IReadOnlyList<Committee> Committees { get; }

    /// <summary>The committees without a parent.</summary>
    public IEnumerable<Committee> Roots => Committees.Where(c => c.IsRoot);

    /// <summary>
    /// Validates <paramref name="committees"/> and builds the tree. Errors name the offending element as
    /// <c>committees[i].field</c> (i is the 0-based input position), and every bad committee is reported, not just the first.
    /// </summary>
    /// <param name="committees">The committees, in any order.</param>
    public static Result<OrganisationTree> Build(IReadOnlyList<Committee> committees)
    {
        ArgumentNullException.ThrowIfNull(committees);
        var errors = new List<ValidationError>();
        var firstIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < committees.Count; i++)
        {
            var c = committees[i];
            var at = $"committees[{i}]";
            if (string.IsNullOrWhiteSpace(c.Code))
            {
                errors.Add(OrganisationErrors.CodeMissing().Under(at));
            }
            else if (!firstIndex.TryAdd(c.Code, i))
            {
                errors.Add(OrganisationErrors.DuplicateCode(c.Code, firstIndex[c.Code]).Under(at));
            }

            if (string.IsNullOrWhiteSpace(c.Name))
            {
                errors.Add(OrganisationErrors.NameMissing().Under(at));
            }

            if (!Enum.IsDefined(c.Level))
            {
                errors.Add(OrganisationErrors.LevelUnknown(c.Level.ToString()).Under(at));
            }

            if (!Enum.IsDefined(c.Kind))
            {
                errors.Add(OrganisationErrors.KindUnknown(c.Kind.ToString()).Under(at));
            }

            if (c.ParentCode is { } parentCode && parentCode == c.Code)
            {
                errors.Add(OrganisationErrors.Cycle(c.Code).Under(at));
            }

            for (var r = 0; r < c.Reviewers.Count; r++)
            {
                errors.AddRange(ReviewerRules.Validate(c.Reviewers[r]).Select(e => e.Under($"{at}.reviewers[{r}]")));
            }

            if (c.FallbackReviewer is { } fallback)
            {
                errors.AddRange(ReviewerRules.Validate(fallback).Select(e => e.Under($"{at}.fallbackReviewer")));
            }
        }

        var byCode = new Dictionary<string, Committee>(StringComparer.Ordinal);
        foreach (var c in committees)
        {
            if (!string.IsNullOrWhiteSpace(c.Code))
            {
                byCode.TryAdd(c.Code, c);
            }
        }

        for (var i = 0; i < committees.Count; i++)
        {
            var c = committees[i];
            var at = $"committees[{i}]";
            if (c.ParentCode is not { } parentCode || parentCode == c.Code)
            {
                continue;
            }

            if (!byCode.TryGetValue(parentCode, out var parent))
            {
                errors.Add(OrganisationErrors.UnknownParent(parentCode).Under(at));
            }
            else if (IsOnCycle(c, byCode))
            {
                errors.Add(OrganisationErrors.Cycle(c.Code).Under(at));
            }
            else if (Enum.IsDefined(c.Level) && parent.Level >= c.Level)
            {
                errors.Add(OrganisationErrors.LevelNotBelowParent(c.Level, parent.Code, parent.Level).Under(at));
            }
        }

        return errors.Count == 0
            ? Result<OrganisationTree>.Success(new OrganisationTree([.. committees]))
            : Result<OrganisationTree>.Failure(errors);
    }

    /// <summary>True when a committee with this code is in the tree.</summary>
    /// <param name="code">The committee code.</param>
    public bool Contains(string code) => _byCode.ContainsKey(code);

    /// <summary>The committee with this code, or null.</summary>
    /// <param name="code">The committee code.</param>
    public Committee? Find(string code) => _byCode.GetValueOrDefault(code);

    /// <summary>The committee with this code; throws <see cref="KeyNotFoundException"/> when absent.</summary>
    /// <param name="code">The committee code.</param>
    public Committee Get(string code) =>
        _byCode.TryGetValue(code, out var c) ? c : throw new KeyNotFoundException($"No committee with code '{code}'.");

    /// <summary>The parent of the committee, or null for a root.</summary>
    /// <param name="code">The committee code.</param>
    public Committee? Parent(string code) => Get(code).ParentCode is { } p ? _byCode[p] : null;

    /// <summary>The direct children of the committee.</summary>
    /// <param name="code">The committee code.</param>
    public IReadOnlyList<Committee> Children(string code)
    {
        Get(code);
        return _children.TryGetValue(code, out var list) ? list : [];
    }

    /// <summary>The ancestors of the committee, nearest first (parent, grandparent, ...).</summary>
    /// <param name="code">The committee code.</param>
    public IEnumerable<Committee> Ancestors(string code)
    {
        for (var p = Parent(code); p is not null; p = Parent(p.Code))
        {
            yield return p;
        }
    }

    /// <summary>The committee and everything below it, depth first, parents before children.</summary>
    /// <param name="code">The code of the subtree's root.</param>
    public IEnumerable<Committee> Subtree(string code)
    {
        var stack = new Stack<Committee>();
        stack.Push(Get(code));
        while (stack.Count > 0)
        {
            var c = stack.Pop();
            yield return c;
            var children = Children(c.Code);
            for (var i = children.Count - 1; i >= 0; i--)
            {
                stack.Push(children[i]);
            }
        }
    }

    /// <summary>Everything below the committee (the subtree without its root).</summary>
    /// <param name="code">The committee code.</param>
    public IEnumerable<Committee> Descendants(string code) => Subtree(code).Skip(1);

    /// <summary>The descendants of the committee at <paramref name="level"/>.</summary>
    /// <param name="code">The committee code.</param>
    /// <param name="level">The level to keep.</param>
    public IEnumerable<Committee> DescendantsAtLevel(string code, CommitteeLevel level) =>
        Descendants(code).Where(c => c.Level == level);

    /// <summary>The descendants of the committee of any of the given kinds (e.g. all schools under a county).</summary>
    /// <param name="code">The committee code.</param>
    /// <param name="kinds">The kinds to keep.</param>
    public IEnumerable<Committee> DescendantsOfKind(string code, params CommitteeKind[] kinds) =>
        Descendants(code).Where(c => kinds.Contains(c.Kind));

    /// <summary>
    /// The documented chain ("县关工委负责考核乡镇、街道、教育局关工委；乡镇、街道、教育局关工委负责考核村屯、社区、学校关工小组"):
    /// the subject assesses itself, every township-level committee between it and the county reviews, and the nearest
    /// committee at county level or above gives the verdict. So the number of review stages depends on the subject's
    /// level: a grassroots unit goes unit → township → county (2), a township goes township → county (1), and a unit
    /// directly under a county or under the 市直关工委 goes straight to it (1). The city never decides a case (it
    /// inspects the campaign at year end), so a county campaign with no city above it still rates its townships.
    /// Fails for a county or city committee (they are not assessed) and when no county-level committee is above.
    /// </summary>
    /// <param name="subjectCode">The committee being assessed.</param>
    public Result<AcceptanceChain> AcceptanceChain(string subjectCode)
    {
        var subject = Get(subjectCode);
        if (subject.Level is not (CommitteeLevel.Township or CommitteeLevel.Grassroots))
        {
            return Result<AcceptanceChain>.Failure(OrganisationErrors.NotAssessed(subject.Code, subject.Level));
        }

        var stages = new List<ChainStage> { new(0, ChainRole.SelfAssessment, subject.Code) };
        foreach (var above in Ancestors(subjectCode))
        {
            if (above.Level <= CommitteeLevel.County)
            {
                stages.Add(new ChainStage(stages.Count, ChainRole.Verdict, above.Code));
                return Result<AcceptanceChain>.Success(new AcceptanceChain(subject.Code, stages));
            }

            stages.Add(new ChainStage(stages.Count, ChainRole.Review, above.Code));
        }

        return Result<AcceptanceChain>.Failure(OrganisationErrors.NoCountyAbove(subject.Code));
    }

    /// <summary>
    /// A chain of a fixed length: the subject itself, then <paramref name="reviewStages"/> committees above it (parent
    /// reviews, ..., the highest gives the verdict), whatever their level. This is how campaigns of schema version 1 were
    /// run (two stages for every subject, so a township's own case went on to the city); new code uses
    /// <see cref="AcceptanceChain(string)"/>, the documented rule. Fails when the tree has too few ancestors above the subject.
    /// </summary>
    /// <param name="subjectCode">The committee being assessed.</param>
    /// <param name="reviewStages">How many committees above act on the case.</param>
    public Result<AcceptanceChain> AcceptanceChain(string subjectCode, int reviewStages)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(reviewStages, 1);
        var subject = Get(subjectCode);
        var above = Ancestors(subjectCode).Take(reviewStages).ToList();
        if (above.Count < reviewStages)
        {
            return Result<AcceptanceChain>.Failure(OrganisationErrors.ChainIncomplete(subject.Code, reviewStages, above.Count));
        }

        var stages = new List<ChainStage> { new(0, ChainRole.SelfAssessment, subject.Code) };
        for (var i = 0; i < above.Count; i++)
        {
            var role = i == above.Count - 1 ? ChainRole.Verdict : ChainRole.Review;
            stages.Add(new ChainStage(i + 1, role, above[i].Code));
        }

        return Result<AcceptanceChain>.Success(new AcceptanceChain(subject.Code, stages));
    }

    private static bool IsOnCycle(Committee start, Dictionary<string, Committee> byCode)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var c = start; c.ParentCode is { } p && byCode.TryGetValue(p, out var parent); c = parent)
        {
            if (parent.Code == start.Code)
            {
                return true;
            }

            if (!seen.Add(parent.Code))
            {
                return false;
            }
        }

        return false;
    }
}
