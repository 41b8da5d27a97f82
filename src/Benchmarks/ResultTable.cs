using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace GuanGong.Benchmarks;

/// <summary>Prints the results as one Markdown table and writes them as Markdown and JSON.</summary>
public static class ResultTable
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string ToMarkdown(BenchmarkReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var builder = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Benchmarks, {report.Mode} mode, {report.StartedAt:yyyy-MM-dd HH:mm} UTC, {report.Machine}")
            .AppendLine()
            .AppendLine("| metric | figure | baseline (same run) | target | met |")
            .AppendLine("| --- | --- | --- | --- | --- |");
        foreach (var row in report.Results)
        {
            builder.AppendLine(CultureInfo.InvariantCulture, $"| {row.Metric} | {Cell(row.Figure)} | {Cell(row.Baseline)} | {row.Target} | {Verdict(row.Met)} |");
        }

        builder.AppendLine();
        foreach (var row in report.Results.Where(r => r.Note.Length > 0))
        {
            builder.AppendLine(CultureInfo.InvariantCulture, $"- {row.Metric}: {row.Note}");
        }

        return builder.ToString();
    }

    public static async Task WriteAsync(BenchmarkReport report, string directory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, "results.md"), ToMarkdown(report), cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(directory, "results.json"), JsonSerializer.Serialize(report, Json), cancellationToken);
    }

    private static string Verdict(bool? met) => met switch
    {
        true => "yes",
        false => "**no**",
        null => "not judged",
    };

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
