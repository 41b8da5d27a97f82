using GuanGong.Domain.Standards;
using GuanGong.Functions.Records;
using GuanGong.Functions.Standards;
using GuanGong.Functions.Tests.Builders;
using Microsoft.Extensions.DependencyInjection;

namespace GuanGong.Functions.Tests.Standards;

public sealed class TemplateResolverTests(SeededApp app) : IClassFixture<SeededApp>
{
    [Fact]
    public async Task ResolveAsync_EmbeddedPin_ReturnsTheEmbeddedTemplate()
    {
        var result = await CreateSut().ResolveAsync(CaseBuilder.Template.Pin(), CancellationToken.None);

        Assert.True(result.IsSuccess);
        Assert.Same(CaseBuilder.Template, result.Value);
    }

    [Fact]
    public async Task ResolveAsync_StoredTemplate_IsReadFromTheTableByIdAndPaddedVersion()
    {
        var template = StoredTemplate(out var id);
        await app.Services.GetRequiredService<AppTables>().Templates.UpsertAsync(id, "0003", template);

        var result = await CreateSut().ResolveAsync(template.Pin(), CancellationToken.None);

        Assert.True(result.IsSuccess);
        Assert.Equal(id, result.Value.Id);
        Assert.Equal(3, result.Value.Version);
    }

    [Fact]
    public async Task ResolveAsync_StoredTemplateChangedAfterPinning_IsRefused()
    {
        var template = StoredTemplate(out var id);
        var pin = template.Pin();
        await app.Services.GetRequiredService<AppTables>().Templates.UpsertAsync(id, "0003", template with { PassThreshold = 60 });

        var result = await CreateSut().ResolveAsync(pin, CancellationToken.None);

        Assert.Equal("template.content_changed", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public async Task ResolveAsync_EmbeddedPinWithAnotherHash_IsRefusedWithoutLookingFurther()
    {
        var result = await CreateSut().ResolveAsync(CaseBuilder.Template.Pin() with { ContentHash = new string('0', 64) }, CancellationToken.None);

        Assert.Equal("template.content_changed", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public async Task ResolveAsync_UnknownPin_IsNotFound()
    {
        var result = await CreateSut().ResolveAsync(new TemplatePin("no-such-template", 1, new string('0', 64)), CancellationToken.None);

        Assert.Equal("template.not_found", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void RowKey_Version_IsZeroPaddedToFourDigits()
    {
        Assert.Equal("0001", TemplateResolver.RowKey(1));
        Assert.Equal("0012", TemplateResolver.RowKey(12));
    }

    private TemplateResolver CreateSut() => app.Services.GetRequiredService<TemplateResolver>();

    private static StandardTemplate StoredTemplate(out string id)
    {
        id = GuanGong.Testing.SharedAzurite.UniqueName("tpl");
        return CaseBuilder.Template with { Id = id, Version = 3, Name = "县级评分标准" };
    }
}
