using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GuanGong.Domain;
using GuanGong.Functions.Cases;
using GuanGong.Functions.Submissions;
using GuanGong.Reliability.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace GuanGong.Reliability.Tests.Hardening;

/// <summary>
/// Issue 17, 受理编号: the number people quote is stored on the case when it is first accepted and unique by
/// construction (a county's sequence advanced with an ETag-guarded counter row on the real Azurite), not a hash of the
/// case id (about 50 colliding pairs in 100,000 cases). A redelivered submission, a retry and racing assignments keep
/// the one number; a row stored before the field existed still reads and shows its old number.
/// </summary>
public sealed partial class ReceiptNumberTests
{
    private const int Units = 32;

    [Fact]
    public async Task Submit_32ConcurrentUnitsThenRedelivered_EachNumberUniqueAndKept()
    {
        await using var app = await RunningApp.StartAsync(new AppOptions());
        await app.Client.SetUpCountyAsync(RunningApp.AdminKey, villages: Units);

        var first = await Task.WhenAll(Enumerable.Range(1, Units).Select(i => SubmitAsAdminAsync(app, $"V{i}", idempotencyKey: $"first-V{i}")));

        Assert.All(first, a => Assert.Equal(HttpStatusCode.Accepted, a.Status));
        var numbers = first.Select(a => a.Number!).ToList();
        Assert.All(numbers, n => Assert.Matches(Shape(), n));
        Assert.Equal(Units, numbers.Distinct(StringComparer.Ordinal).Count());
        // One county, no lost race for any case row: the sequence is exactly 1..32, whatever order the requests landed in.
        Assert.Equal(Enumerable.Range(1, Units), numbers.Select(n => int.Parse(n[^4..], System.Globalization.CultureInfo.InvariantCulture)).Order());
        Assert.Single(numbers.Select(n => n[..8]).Distinct(StringComparer.Ordinal));
        // The county took one county number, however many of its first submissions arrived together: none burnt.
        Assert.EndsWith("-001", numbers[0][..8], StringComparison.Ordinal);
        var countyCounter = await app.Services.GetRequiredService<GuanGong.Functions.Records.AppTables>().Counters.GetAsync("county", "next", CancellationToken.None);
        Assert.Equal(1, countyCounter!.Value.Last);

        // The same submission delivered again (the client's retry with its key, and without one) and the status read.
        var again = await SubmitAsAdminAsync(app, "V1", idempotencyKey: "first-V1");
        var retried = await SubmitAsAdminAsync(app, "V2", idempotencyKey: null);
        var stored = await app.ReceiptNumberAsync(SampleCounty.CaseId("V1"));

        Assert.Equal(first[0].Number, again.Number);
        Assert.Equal(first[0].Number, stored);
        Assert.True(retried.Status == HttpStatusCode.Conflict || retried.Number == first[1].Number, $"{retried.Status} {retried.Number}");
        Assert.Equal(first[1].Number, await app.ReceiptNumberAsync(SampleCounty.CaseId("V2")));

        // A case row stored without a number (one stored before numbers existed) is numbered once, however many
        // deliveries race to do it; a case that has one keeps it.
        var receipts = app.Services.GetRequiredService<ReceiptNumbers>();
        var cases = app.Services.GetRequiredService<CaseStore>();
        var v3 = (await cases.GetAsync(SampleCounty.CaseId("V3"), CancellationToken.None))!.Value;
        var unnumbered = await cases.UpdateAsync(v3.CaseId, c => c with { ReceiptNumber = null }, CancellationToken.None);
        var raced = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => receipts.AssignAsync(unnumbered!, CancellationToken.None)));
        var settled = (await cases.GetAsync(v3.CaseId, CancellationToken.None))!.Value.ReceiptNumber;
        var kept = await receipts.AssignAsync((await cases.GetAsync(SampleCounty.CaseId("V4"), CancellationToken.None))!.Value, CancellationToken.None);

        Assert.All(raced, r => Assert.Equal(settled, r.ReceiptNumber));
        Assert.DoesNotContain(settled, numbers.Skip(1));
        Assert.Equal(first[3].Number, kept.ReceiptNumber);

        // A row written before the field existed (its JSON has no receiptNumber) still reads, and shows its old number.
        var v5 = await cases.GetAsync(SampleCounty.CaseId("V5"), CancellationToken.None);
        var oldShape = JsonNode.Parse(DomainJson.Serialize(v5!.Value))!.AsObject();
        Assert.True(oldShape.Remove("receiptNumber"));
        var row = await app.Services.GetRequiredService<GuanGong.Functions.Records.AppTables>().Cases.Client.GetEntityAsync<Azure.Data.Tables.TableEntity>(v5.PartitionKey, v5.RowKey);
        row.Value["Json"] = System.Text.Encoding.UTF8.GetBytes(oldShape.ToJsonString());
        await app.Services.GetRequiredService<GuanGong.Functions.Records.AppTables>().Cases.Client.UpdateEntityAsync(row.Value, row.Value.ETag, Azure.Data.Tables.TableUpdateMode.Replace);
        var old = (await cases.GetAsync(v5.Value.CaseId, CancellationToken.None))!.Value;

        Assert.Null(old.ReceiptNumber);
        Assert.Equal(CaseNumbers.Legacy(old.CaseId), CaseNumbers.For(old));
        Assert.Equal(CaseNumbers.Legacy(old.CaseId), await app.ReceiptNumberAsync(old.CaseId));

        var unique = numbers.Distinct(StringComparer.Ordinal).Count() == Units && again.Number == first[0].Number && stored == first[0].Number && raced.All(r => r.ReceiptNumber == settled);
        ResultsTable.Add(
            "受理编号 unique and stored",
            $"{Units} units of one county submit at once on Azurite; one redelivered with its Idempotency-Key, one without; 8 racing assignments for a case stored without a number",
            $"{numbers.Distinct(StringComparer.Ordinal).Count()} distinct numbers ({numbers.Min(StringComparer.Ordinal)} … {numbers.Max(StringComparer.Ordinal)}); redelivery kept {again.Number}; races settled on one",
            $"{Units} distinct, each kept",
            unique);
    }

    private static async Task<(HttpStatusCode Status, string? Number)> SubmitAsAdminAsync(RunningApp app, string unit, string? idempotencyKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/campaigns/{SampleCounty.CampaignId}/submissions", UriKind.Relative))
        {
            Content = new StringContent(DomainJson.Serialize(new SubmissionRequest(unit, SampleCounty.Year, SampleCounty.SelfSheet(), SampleCounty.Report())), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Admin-Key", RunningApp.AdminKey);
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        using var response = await app.Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var number = response.StatusCode == HttpStatusCode.Accepted && JsonNode.Parse(body)?["receiptNumber"] is { } n ? n.GetValue<string>() : null;
        return (response.StatusCode, number);
    }

    [GeneratedRegex("^2026-[0-9]{3}-[0-9]{4}$")]
    private static partial Regex Shape();
}
