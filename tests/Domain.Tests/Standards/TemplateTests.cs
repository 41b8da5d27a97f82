using GuanGong.Domain.Standards;

namespace GuanGong.Domain.Tests.Standards;

public sealed class TemplateTests
{
    [Fact]
    public void EmbeddedTemplates_AllFiveShipAndAreValid()
    {
        var ids = TemplateLoader.LatestEmbeddedTemplates.Select(t => t.Id);

        Assert.Equal(
            [StandardTemplateIds.FiveGoodA, StandardTemplateIds.FiveGoodB, StandardTemplateIds.FiveHaves, StandardTemplateIds.FiveHavesFiveGoods, StandardTemplateIds.SixGood],
            ids);
        Assert.All(TemplateLoader.EmbeddedTemplates, t => Assert.Empty(TemplateValidator.Validate(t)));
    }

    [Theory]
    [InlineData(StandardTemplateIds.FiveGoodA, 5, 100)]
    [InlineData(StandardTemplateIds.FiveGoodB, 5, 100)]
    [InlineData(StandardTemplateIds.SixGood, 6, 100)]
    [InlineData(StandardTemplateIds.FiveHavesFiveGoods, 5, 100)]
    [InlineData(StandardTemplateIds.FiveHaves, 0, 0)]
    public void EmbeddedTemplate_HasExpectedShape(string id, int criteria, int total)
    {
        var template = TemplateLoader.GetLatest(id);

        Assert.Equal(criteria, template.Criteria.Count);
        Assert.Equal(total, template.TotalPoints);
    }

    [Fact]
    public void SixGood_AddsCooperationCriterion()
    {
        var names = TemplateLoader.GetEmbedded(StandardTemplateIds.SixGood).Criteria.Select(c => c.Name);

        Assert.Contains("争取相关部门配合好", names);
    }

    [Fact]
    public void FiveHaves_HasTheFivePreconditions()
    {
        var template = TemplateLoader.GetEmbedded(StandardTemplateIds.FiveHaves);

        Assert.Equal(5, template.Preconditions.Count);
        Assert.All(template.Preconditions, p => Assert.StartsWith("有", p.Name, StringComparison.Ordinal));
    }

    [Fact]
    public void FiveGoodA_CityAwardBonusIsThreePoints()
    {
        var bonus = TemplateLoader.GetEmbedded(StandardTemplateIds.FiveGoodA).Bonus!;

        Assert.Equal(3, bonus.Items.Single(b => b.Id == "bonus-city-award").Points);
        Assert.Equal(5, bonus.Cap);
    }

    [Fact]
    public void Validate_ItemsDoNotAddUp_NamesCriterionPoints()
    {
        var template = FiveGoodA();
        var first = template.Criteria[0];
        var broken = template with { Criteria = [first with { Items = [first.Items[0] with { Points = 6 }, .. first.Items.Skip(1)] }, .. template.Criteria.Skip(1)] };

        var errors = TemplateValidator.Validate(broken);

        var error = Assert.Single(errors);
        Assert.Equal("criteria[0].points", error.Path);
        Assert.Equal("template.items_do_not_add_up", error.Code);
    }

    [Fact]
    public void Validate_CriteriaDoNotAddUpToTotal_NamesTotal()
    {
        var errors = TemplateValidator.Validate(FiveGoodA() with { TotalPoints = 120 });

        Assert.Equal("totalPoints", Assert.Single(errors).Path);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void Validate_ThresholdOutOfRange_Fails(decimal threshold)
    {
        var errors = TemplateValidator.Validate(FiveGoodA() with { PassThreshold = threshold });

        Assert.Equal("passThreshold", Assert.Single(errors).Path);
    }

    [Fact]
    public void Validate_DuplicateItemId_Fails()
    {
        var template = FiveGoodA();
        var c = template.Criteria[1];
        var duplicate = c with { Items = [c.Items[0] with { Id = template.Criteria[0].Items[0].Id }, .. c.Items.Skip(1)] };

        var errors = TemplateValidator.Validate(template with { Criteria = [template.Criteria[0], duplicate, .. template.Criteria.Skip(2)] });

        Assert.Equal("criteria[1].items[0].id", Assert.Single(errors).Path);
    }

    [Fact]
    public void Validate_EmptyNameAndMinimumAboveCriterion_ReportsBoth()
    {
        var template = FiveGoodA();
        var c = template.Criteria[0] with { Name = " ", MinimumPoints = 21 };

        var errors = TemplateValidator.Validate(template with { Criteria = [c, .. template.Criteria.Skip(1)] });

        Assert.Equal(["criteria[0].name", "criteria[0].minimumPoints"], errors.Select(e => e.Path));
    }

    [Fact]
    public void Validate_BonusItemAboveCap_Fails()
    {
        var template = FiveGoodA();
        var bonus = template.Bonus! with { Cap = 2 };

        var errors = TemplateValidator.Validate(template with { Bonus = bonus });

        Assert.Equal(2, errors.Count(e => e.Code == "template.bonus_points_out_of_range"));
    }

    [Fact]
    public void Parse_AdminJson_RoundTrips()
    {
        var json = DomainJson.Serialize(FiveGoodA() with { Id = "county-five-good", Version = 3, PassThreshold = 80 });

        var template = TemplateLoader.Parse(json).Value;

        Assert.Equal(80, template.PassThreshold);
        Assert.Equal(FiveGoodA().Criteria.Count, template.Criteria.Count);
    }

    [Fact]
    public void Parse_MalformedJson_ReportsLine()
    {
        var result = TemplateLoader.Parse("{\n  \"id\": \"x\",\n  \"version\": oops\n}");

        var error = Assert.Single(result.Errors);
        Assert.Equal("template.json_invalid", error.Code);
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void Parse_MissingRequiredProperty_Fails()
    {
        Assert.False(TemplateLoader.Parse("{\"schemaVersion\":1,\"id\":\"x\"}").IsSuccess);
    }

    [Fact]
    public void Pin_SameContent_SameHash_ChangedContent_DifferentHash()
    {
        var pin = FiveGoodA().Pin();

        Assert.True(pin.Matches(FiveGoodA()));
        Assert.False(pin.Matches(FiveGoodA() with { PassThreshold = 80 }));
        Assert.Matches("^[0-9a-f]{64}$", pin.ContentHash);
    }

    [Fact]
    public void Serialize_ComputedMembers_AreNotPersisted_AndHashSurvivesRoundTrip()
    {
        var json = DomainJson.Serialize(FiveGoodA());

        Assert.DoesNotContain("allItems", json, StringComparison.Ordinal);
        Assert.DoesNotContain("maximumTotal", json, StringComparison.Ordinal);
        Assert.Contains("领导班子建设好", json, StringComparison.Ordinal);
        Assert.Equal(FiveGoodA().ComputeContentHash(), TemplateLoader.Parse(json).Value.ComputeContentHash());
    }

    [Fact]
    public void Catalog_Resolve_RefusesEditedTemplate()
    {
        var pin = FiveGoodA().Pin();
        var edited = new TemplateCatalog([FiveGoodA() with { PassThreshold = 80 }]);

        Assert.Equal("template.content_changed", Assert.Single(edited.Resolve(pin).Errors).Code);
        Assert.True(TemplateCatalog.Embedded().Resolve(pin).IsSuccess);
        Assert.Equal("template.not_found", Assert.Single(TemplateCatalog.Embedded().Resolve(pin with { Version = 9 }).Errors).Code);
    }

    [Fact]
    public void DeductionRule_Deduct_CapsAtRuleCapAndItemPoints()
    {
        var rule = new DeductionRule("missed-meeting", "每缺一次会议记录扣0.5分", 0.5m, 2m);

        Assert.Equal(1.5m, rule.Deduct(3, 5m));
        Assert.Equal(2m, rule.Deduct(10, 5m));
        Assert.Equal(5m, (rule with { Cap = null }).Deduct(30, 5m));
    }

    private static StandardTemplate FiveGoodA() => TemplateLoader.GetEmbedded(StandardTemplateIds.FiveGoodA);
}
