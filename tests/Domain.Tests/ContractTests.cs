using GuanGong.Domain.Campaigns;
using GuanGong.Domain.Cases;
using GuanGong.Domain.Links;
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
    public void ApprovalToken_V1_FormatIsPinned()
    {
        var keys = new LinkKeyRing(new LinkSigningKey("k1", Enumerable.Repeat((byte)1, 32).ToArray()));
        var claims = new ApprovalTokenClaims("case-1", 1, "a@b.cn", ApprovalActions.View | ApprovalActions.Approve, new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), "n1");

        var token = ApprovalTokens.Issue(claims, keys);

        Assert.StartsWith("v1.k1.eyJjIjoiY2FzZS0xIiwicyI6MSwiciI6ImFAYi5jbiIsImEiOjMsImUiOjE3OTYwODMyMDAsIm4iOiJuMSJ9.", token, StringComparison.Ordinal);
        Assert.Equal(claims, ApprovalTokens.Verify(token, keys, claims.ExpiresAt.AddDays(-1), new()).Claims);
    }
}
