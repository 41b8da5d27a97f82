using GuanGong.Domain.Campaigns;
using GuanGong.Domain.Cases;
using GuanGong.Domain.Links;
using GuanGong.Domain.Organisations;
using GuanGong.Domain.LookBack;
using GuanGong.Domain.Scoring;
using GuanGong.Domain.Standards;

namespace GuanGong.Domain.Tests;

/// <summary>
/// The persisted shapes, written out as the app stores them today (schema version 1). A change that stops these from
/// reading needs a new schema version and a migration, not an edit here.
/// </summary>
public sealed class ContractTests
{
    [Fact]
    public void CampaignSettings_V1_Reads()
    {
        const string json = """
            {"schemaVersion":1,"id":"c-2025-five-good","name":"2025—2027年“五好基层关工委”创建活动","organiserCode":"C","startYear":2025,"endYear":2027,
             "template":{"templateId":"five-good-a","version":1,"contentHash":"258b9fb449360cc230a70074b8ed28d447bbf34ca12ba4addfdce5ff12b01e5a"},
             "yearTargets":[{"year":2025,"share":30},{"year":2026,"share":60},{"year":2027,"share":80}],"unitTargetYears":[{"unitCode":"U1","year":2026}],
             "reviewStageCount":2,
             "stageLadders":[{"reviewerWorkingDays":5,"reminderWorkingDaysBefore":[2,1],"fallbackWorkingDays":2,"reminderTime":"09:00:00"}],
             "lookBackShare":10,"townshipUnitShare":80}
            """;

        var campaign = DomainJson.Deserialize<CampaignSettings>(json);

        Assert.Equal(80m, campaign.TownshipUnitShare.Value);
        Assert.Equal(2026, campaign.TargetYearOf("U1"));
        Assert.True(TemplateCatalog.Embedded().Resolve(campaign.Template).IsSuccess);
        Assert.Empty(CampaignValidator.Validate(campaign));
    }

    [Fact]
    public void ScoreSheet_V1_Reads()
    {
        const string json = """
            {"schemaVersion":1,"role":"review","template":{"templateId":"five-haves","version":1,"contentHash":"664ceb1afe394ef65b5a781de1000fb262dd5ebc5177ac4368a3680c0e2cd8bd"},
             "preconditions":[{"preconditionId":"have-leadership","met":true,"note":null},{"preconditionId":"have-team","met":true,"note":null},
              {"preconditionId":"have-office","met":true,"note":null},{"preconditionId":"have-funds","met":false,"note":"现场查看未见"},
              {"preconditionId":"have-activities","met":true,"note":null}],
             "items":[],"bonus":[]}
            """;

        var sheet = DomainJson.Deserialize<ScoreSheet>(json);
        var verdict = VerdictCalculator.Decide(TemplateLoader.GetEmbedded(StandardTemplateIds.FiveHaves, 1), sheet);

        Assert.False(verdict.Passed);
        Assert.Equal("have-funds", Assert.Single(verdict.Failures).SubjectId);
    }

    [Fact]
    public void CaseStateAndRevocation_V1_Read()
    {
        var state = DomainJson.Deserialize<CaseState>("""{"status":"resubmitted","stage":2,"reviewStageCount":2,"escalated":false}""");
        var revocation = DomainJson.Deserialize<Revocation>(
            """{"schemaVersion":1,"unitCode":"U1","caseId":"case-1","reasons":["活动记录空白"],"decidedByCommitteeCode":"C.K","decidedBy":"王主任","decidedAt":"2026-11-21T10:00:00+08:00"}""");

        Assert.Equal(CaseStatus.Resubmitted, state.Status);
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 2, 0, 0, TimeSpan.Zero), revocation.DecidedAt);
    }

    [Fact]
    public void Parse_MissingRequiredProperty_IsAResultWithPath()
    {
        var result = DomainJson.Parse<CaseState>("""{"status":"draft","stage":0}""", "case.json_invalid");

        Assert.Equal("case.json_invalid", Assert.Single(result.Errors).Code);
    }

    [Theory]
    [InlineData(StandardTemplateIds.FiveGoodA, "258b9fb449360cc230a70074b8ed28d447bbf34ca12ba4addfdce5ff12b01e5a")]
    [InlineData(StandardTemplateIds.FiveHaves, "664ceb1afe394ef65b5a781de1000fb262dd5ebc5177ac4368a3680c0e2cd8bd")]
    public void EmbeddedTemplate_ContentHash_IsPinned(string id, string hash)
    {
        // Campaigns pin this hash. Editing a shipped template breaks every campaign that pinned it:
        // add a new version (a new file with "version": 2) instead, and leave this one alone.
        Assert.Equal(hash, TemplateLoader.GetEmbedded(id, 1).ComputeContentHash());
    }

    [Fact]
    public void ApprovalToken_V1_StillVerifies_AndNewLinksAreV2()
    {
        // v1 (the recipient's address readable in the payload) is no longer issued, but links already in inboxes keep
        // working until they expire: this v1 token is built by hand from the pinned format, signed as v1 signed it.
        var secret = Enumerable.Repeat((byte)1, 32).ToArray();
        var keys = new LinkKeyRing(new LinkSigningKey("k1", secret));
        var claims = new ApprovalTokenClaims("case-1", 1, "a@b.cn", ApprovalActions.View | ApprovalActions.Approve, new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), "n1");
        const string body = "v1.k1.eyJjIjoiY2FzZS0xIiwicyI6MSwiciI6ImFAYi5jbiIsImEiOjMsImUiOjE3OTYwODMyMDAsIm4iOiJuMSJ9";
        var v1 = body + "." + System.Buffers.Text.Base64Url.EncodeToString(System.Security.Cryptography.HMACSHA256.HashData(secret, System.Text.Encoding.ASCII.GetBytes(body)));

        Assert.Equal(claims, ApprovalTokens.Verify(v1, keys, claims.ExpiresAt.AddDays(-1), new()).Claims);
        var issued = ApprovalTokens.Issue(claims, keys);
        Assert.StartsWith("v2.k1.", issued, StringComparison.Ordinal);
        Assert.DoesNotContain("YUBiLmNu", issued, StringComparison.Ordinal); // base64 of "a@b.cn": the address is not readable
        Assert.Equal(claims, ApprovalTokens.Verify(issued, keys, claims.ExpiresAt.AddDays(-1), new()).Claims);
    }

    [Fact]
    public void CampaignSettings_V1_ReadsWithTheNewMembersAbsent_AndUpgradesToV2()
    {
        const string json = """
            {"schemaVersion":1,"id":"c-2025-five-good","name":"2025—2027年“五好基层关工委”创建活动","organiserCode":"C","startYear":2025,"endYear":2027,
             "template":{"templateId":"five-good-a","version":1,"contentHash":"258b9fb449360cc230a70074b8ed28d447bbf34ca12ba4addfdce5ff12b01e5a"},
             "yearTargets":[{"year":2025,"share":30}],"unitTargetYears":[],"reviewStageCount":2,
             "stageLadders":[{"reviewerWorkingDays":5,"reminderWorkingDaysBefore":[2,1],"fallbackWorkingDays":2,"reminderTime":"09:00:00"}],
             "lookBackShare":10,"townshipUnitShare":80}
            """;

        var v1 = DomainJson.Deserialize<CampaignSettings>(json);
        var v2 = v1.Upgrade();

        Assert.Null(v1.TownshipRuleKinds);
        Assert.Equal([CommitteeKind.Village, CommitteeKind.Community, CommitteeKind.School], v1.CountedKinds);
        Assert.Equal(v1.Template, v1.TemplateFor(CommitteeKind.School));
        Assert.Equal(2, v2.SchemaVersion);
        Assert.DoesNotContain("townshipRuleKinds", DomainJson.Serialize(v2), StringComparison.Ordinal);
        Assert.Empty(CampaignValidator.Validate(v2));
    }

    [Fact]
    public void CampaignSettings_V2_Reads()
    {
        const string json = """
            {"schemaVersion":2,"id":"k-2025-six-good","name":"2025—2027年“六好基层关工委”创建活动","organiserCode":"K","startYear":2025,"endYear":2027,
             "template":{"templateId":"five-good-a","version":1,"contentHash":"258b9fb449360cc230a70074b8ed28d447bbf34ca12ba4addfdce5ff12b01e5a"},
             "yearTargets":[{"year":2025,"share":30}],"unitTargetYears":[{"unitCode":"U1","year":2026}],"reviewStageCount":2,
             "stageLadders":[{"reviewerWorkingDays":5,"reminderWorkingDaysBefore":[2,1],"fallbackWorkingDays":2,"reminderTime":"09:00:00"}],
             "lookBackShare":10,"townshipUnitShare":80,
             "townshipRuleKinds":["village","community","school","enterprise"],"standardName":"六好基层关工委",
             "kindTemplates":[{"kind":"school","template":{"templateId":"five-haves","version":1,"contentHash":"664ceb1afe394ef65b5a781de1000fb262dd5ebc5177ac4368a3680c0e2cd8bd"}}],
             "kindTargets":[{"kind":"school","targets":[{"year":2025,"share":50}]}]}
            """;

        var campaign = DomainJson.Deserialize<CampaignSettings>(json);

        Assert.Equal(4, campaign.CountedKinds.Count);
        Assert.Equal("六好基层关工委", campaign.StandardName);
        Assert.Equal("five-haves", campaign.TemplateFor(CommitteeKind.School).TemplateId);
        Assert.Equal(50m, campaign.TargetFor(CommitteeKind.School, 2026)!.Value.Value);
        Assert.Empty(CampaignValidator.Validate(campaign, catalog: TemplateCatalog.Embedded()));
    }

    [Fact]
    public void TownshipRating_V1_ReadsWithoutCountedKinds()
    {
        var rating = DomainJson.Deserialize<TownshipRating>(
            """{"townshipCode":"T","rated":false,"selfPassed":true,"unitsPassed":7,"unitsTotal":10,"requiredShare":80,"unitsRequired":8,"reasons":["所属基层单位达标 7/10"]}""");

        Assert.Null(rating.CountedKinds);
        Assert.Equal("全部基层单位", rating.CountedKindsText);
        Assert.Contains("\"countedKinds\":[\"village\"]", DomainJson.Serialize(rating with { CountedKinds = [CommitteeKind.Village] }), StringComparison.Ordinal);
    }

    [Fact]
    public void CaseState_RectificationExpired_ReadsAndWrites()
    {
        var state = DomainJson.Deserialize<CaseState>("""{"status":"rectificationExpired","stage":1,"reviewStageCount":2,"escalated":false}""");

        Assert.Equal(CaseStatus.RectificationExpired, state.Status);
        Assert.True(state.IsWellFormed);
    }

    [Fact]
    public void TargetYearChange_V1_Reads()
    {
        var change = DomainJson.Deserialize<TargetYearChange>(
            """{"schemaVersion":1,"campaignId":"c-2025","unitCode":"U1","fromYear":2027,"toYear":2026,"reason":"年初复核","changedByCommitteeCode":"K","changedBy":"王主任","changedAt":"2026-03-02T10:00:00+08:00"}""");

        Assert.Equal((2027, 2026), (change.FromYear, change.ToYear));
    }

    [Fact]
    public void StandardTemplate_V1_WithoutTheNewMembers_HashesAsBefore_V2ShipsBesideIt()
    {
        var v1 = TemplateLoader.GetEmbedded(StandardTemplateIds.FiveGoodA, 1);
        var json = DomainJson.Serialize(v1);

        Assert.DoesNotContain("standardName", json, StringComparison.Ordinal);
        Assert.DoesNotContain("yesNo", json, StringComparison.Ordinal);
        Assert.Equal("258b9fb449360cc230a70074b8ed28d447bbf34ca12ba4addfdce5ff12b01e5a", TemplateLoader.Parse(json).Value.ComputeContentHash());
        Assert.Equal(2, TemplateLoader.GetLatest(StandardTemplateIds.FiveGoodA).SchemaVersion);
        Assert.Equal("template.schema_too_old", Assert.Single(TemplateValidator.Validate(v1 with { StandardName = "五好" })).Code);
    }

    [Fact]
    public void StandardTemplate_ContentHash_KeptPerInstance_ACopyWithAnotherPassLineHashesAfresh()
    {
        var template = TemplateLoader.GetLatest(StandardTemplateIds.FiveGoodA);
        var hash = template.ComputeContentHash();
        var stricter = template with { PassThreshold = template.PassThreshold + 5 };

        Assert.Same(hash, template.ComputeContentHash());
        Assert.NotEqual(hash, stricter.ComputeContentHash());
        Assert.False(template.Pin().Matches(stricter));
        Assert.Equal(hash, (stricter with { PassThreshold = template.PassThreshold }).ComputeContentHash());
        Assert.Equal(template, stricter with { PassThreshold = template.PassThreshold });
    }

    [Theory]
    [InlineData(StandardTemplateIds.FiveGoodA)]
    [InlineData(StandardTemplateIds.FiveGoodB)]
    [InlineData(StandardTemplateIds.SixGood)]
    [InlineData(StandardTemplateIds.FiveHavesFiveGoods)]
    public void EmbeddedTemplate_V2_ContentHash_IsPinned(string id)
    {
        // Campaigns pin these hashes as they pin version 1's: a change to a shipped v2 file is a version 3, never an edit.
        Assert.Equal(PinnedV2Hashes[id], TemplateLoader.GetLatest(id).ComputeContentHash());
    }

    private static readonly Dictionary<string, string> PinnedV2Hashes = new()
    {
        [StandardTemplateIds.FiveGoodA] = "72245045f2638b38a1b6c81562941e522f83bb844c2cd3240dd3c2a650137f52",
        [StandardTemplateIds.FiveGoodB] = "4e9deee7e4532d7d8d3db14098842e706ce2c8474b8bbd979678646eaee72606",
        [StandardTemplateIds.SixGood] = "4207b85928820b61a78fe5f11dd8914a664c91367312262c8c80e5feb3f179cf",
        [StandardTemplateIds.FiveHavesFiveGoods] = "eaef61da268d5cbb4678aca2352f258bf6b6afda3b06f61b580f40e1d8d59e35",
    };
}
