using System.Text.RegularExpressions;

namespace GuanGong.Domain.Standards;

/// <summary>Matching and checking the paths of <see cref="StandardTemplate.ExampleValues"/>.</summary>
internal static partial class ExamplePaths
{
    /// <summary>True when the concrete <paramref name="path"/> matches <paramref name="pattern"/> (<c>[*]</c> matches any index; a pattern also covers everything under it).</summary>
    public static bool Matches(string pattern, string path)
    {
        var regex = "^" + Regex.Escape(pattern).Replace(@"\[\*]", @"\[\d+]", StringComparison.Ordinal) + @"(\..+|\[\d+].*)?$";
        return Regex.IsMatch(path, regex, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    /// <summary>True when <paramref name="pattern"/> names at least one value of <paramref name="template"/>.</summary>
    public static bool Resolves(StandardTemplate template, string pattern) =>
        !string.IsNullOrWhiteSpace(pattern) && ConcretePaths(template).Any(p => Matches(pattern, p));

    /// <summary>The concrete paths of <paramref name="template"/> that <paramref name="patterns"/> name.</summary>
    public static IEnumerable<string> Expand(StandardTemplate template, IEnumerable<string> patterns)
    {
        var list = patterns.ToList();
        return ConcretePaths(template).Where(p => list.Any(pattern => Matches(pattern, p)));
    }

    /// <summary>Every path of a value in the template.</summary>
    public static IEnumerable<string> ConcretePaths(StandardTemplate template)
    {
        yield return "totalPoints";
        yield return "passThreshold";
        for (var c = 0; c < template.Criteria.Count; c++)
        {
            var criterion = template.Criteria[c];
            yield return $"criteria[{c}].points";
            yield return $"criteria[{c}].name";
            if (criterion.MinimumPoints is not null)
            {
                yield return $"criteria[{c}].minimumPoints";
            }

            for (var i = 0; i < criterion.Items.Count; i++)
            {
                var item = criterion.Items[i];
                yield return $"criteria[{c}].items[{i}].points";
                yield return $"criteria[{c}].items[{i}].name";
                for (var d = 0; d < item.Deductions.Count; d++)
                {
                    yield return $"criteria[{c}].items[{i}].deductions[{d}].pointsPerOccurrence";
                    yield return $"criteria[{c}].items[{i}].deductions[{d}].description";
                }
            }
        }

        if (template.Bonus is { } bonus)
        {
            yield return "bonus.cap";
            for (var b = 0; b < bonus.Items.Count; b++)
            {
                yield return $"bonus.items[{b}].points";
            }
        }
    }
}
