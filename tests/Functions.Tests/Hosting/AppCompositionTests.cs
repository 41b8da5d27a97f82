using GuanGong.Functions.Hosting;
using Microsoft.Extensions.Hosting;

namespace GuanGong.Functions.Tests.Hosting;

public sealed class AppCompositionTests
{
    [Fact]
    public void AddGuanGong_NothingConfigured_TheLocalDefaultsApply()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());

        builder.AddGuanGong();

        Assert.Equal("Local", builder.Configuration["GuanGong:Profile"]);
        Assert.Equal("UseDevelopmentStorage=true", builder.Configuration[AppComposition.StorageSetting]);
    }

    [Fact]
    public void AddGuanGong_AppSettingsGiven_TheyWinOverTheDefaults()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["GuanGong:Profile"] = "Azure", [AppComposition.StorageSetting] = "DefaultEndpointsProtocol=https;AccountName=x;AccountKey=eA==" });

        builder.AddGuanGong();

        Assert.Equal("Azure", builder.Configuration["GuanGong:Profile"]);
        Assert.StartsWith("DefaultEndpointsProtocol=https", builder.Configuration[AppComposition.StorageSetting], StringComparison.Ordinal);
    }
}
