using GuanGong.Domain;
using GuanGong.Domain.Campaigns;
using GuanGong.Functions.Campaigns;
using GuanGong.Functions.Cases;
using GuanGong.Functions.Tests.Builders;

namespace GuanGong.Functions.Tests.Campaigns;

/// <summary>
/// Stored shapes issue 15 changed: a campaign row (early applications, re-examinations), a township rating (counted
/// kinds) and the target-year audit record. Rows written before must still read, with the documented defaults.
/// </summary>
public sealed class CampaignContractTests
{
    [Fact]
    public void CampaignRecord_WrittenBeforeEarlyApplicationsExisted_ReadsWithNone()
    {
        var old = DomainJson.Serialize(CampaignBuilder.Launched("c1"));
        Assert.DoesNotContain("earlyApplications", old, StringComparison.Ordinal);
        Assert.DoesNotContain("reExaminations", old, StringComparison.Ordinal);

        var read = DomainJson.Deserialize<CampaignRecord>(old);

        Assert.Null(read.EarlyApplications);
        Assert.Null(read.ReExaminations);
        Assert.False(read.GrantedEarly(TreeBuilder.Unit4, 2026));
        Assert.Empty(read.ReExaminedIn(2027));
    }

    [Fact]
    public void CampaignRecord_WithChoices_RoundTrips()
    {
        var at = new DateTimeOffset(2026, 5, 1, 2, 0, 0, TimeSpan.Zero);
        var written = CampaignBuilder.Launched("c1") with
        {
            EarlyApplications = [new UnitYearChoice(2026, TreeBuilder.Unit4, "LG-C", at)],
            ReExaminations = [new UnitYearChoice(2027, TreeBuilder.Unit1, "LG-C", at)],
        };

        var read = DomainJson.Deserialize<CampaignRecord>(DomainJson.Serialize(written));

        Assert.True(read.GrantedEarly(TreeBuilder.Unit4, 2026));
        Assert.False(read.GrantedEarly(TreeBuilder.Unit4, 2027));
        Assert.Equal([TreeBuilder.Unit1], read.ReExaminedIn(2027));
    }

    [Fact]
    public void CampaignRecord_SettingsOfSchemaOne_ReadWithTheDefaultCountedKinds()
    {
        var json = DomainJson.Serialize(CampaignBuilder.Launched("c1")).Replace("\"schemaVersion\":2", "\"schemaVersion\":1", StringComparison.Ordinal);

        var read = DomainJson.Deserialize<CampaignRecord>(json);

        Assert.Equal(1, read.Settings.SchemaVersion);
        Assert.Equal("村、社区、学校", Wording.KindList(read.Settings.CountedKinds));
    }

    [Fact]
    public void TownshipRatingRecord_WrittenBeforeCountedKinds_ReadsAsEveryGrassrootsUnit()
    {
        const string old = """
            {"schemaVersion":1,"campaignId":"c1","year":2026,"rating":{"townshipCode":"LG-T1","rated":true,"selfPassed":true,"unitsPassed":2,"unitsTotal":3,"requiredShare":60,"unitsRequired":2,"reasons":[]},"evaluatedAt":"2026-05-01T02:00:00+00:00"}
            """;

        var read = DomainJson.Deserialize<TownshipRatingRecord>(old);

        Assert.Null(read.Rating.CountedKinds);
        Assert.Equal("全部基层单位", read.Rating.CountedKindsText);
    }

    [Fact]
    public void TargetYearChange_AsStoredInTheAuditTrail_Reads()
    {
        const string detail = """
            {"schemaVersion":1,"campaignId":"c1","unitCode":"LG-T1-V2","fromYear":2026,"toYear":2027,"reason":"年初复核：班子调整","changedByCommitteeCode":"LG-C","changedBy":"王主任","changedAt":"2026-02-10T02:00:00+00:00"}
            """;

        var read = DomainJson.Parse<TargetYearChange>(detail, "target_year.malformed");

        Assert.True(read.IsSuccess);
        Assert.Equal(2027, read.Value.ToYear);
        Assert.Equal("王主任", read.Value.ChangedBy);
    }
}
