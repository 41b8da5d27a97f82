using GuanGong.Functions.Records;
using GuanGong.Testing;

namespace GuanGong.Functions.Tests.ReferenceData;

/// <summary>
/// The app's tables in the shared Azurite, as two hosts of one deployment see them: each host builds
/// its own stores (so its own caches) over the same tables. Cache ages follow a fake clock; storage
/// requests go out on the real one.
/// </summary>
internal sealed class TwoHosts
{
    private TwoHosts(AppStorage storage, AppTables tables, IConfiguration configuration)
    {
        Storage = storage;
        Tables = tables;
        Configuration = configuration;
    }

    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    public FakeTimeProvider Time { get; } = new();

    public AppStorage Storage { get; }

    public AppTables Tables { get; }

    public IConfiguration Configuration { get; }

    public static async Task<TwoHosts> StartAsync()
    {
        var azurite = await SharedAzurite.GetAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.Endpoints.ConnectionString,
            ["GuanGong:Storage:TablePrefix"] = "r" + Guid.NewGuid().ToString("N")[..10],
            ["GuanGong:ReferenceData:MaxAge"] = "00:00:30",
        }).Build();
        var storage = AppStorage.Create(configuration);
        var tables = new AppTables(storage, configuration);
        await tables.CreateAllAsync(CancellationToken.None);
        return new TwoHosts(storage, tables, configuration);
    }
}
