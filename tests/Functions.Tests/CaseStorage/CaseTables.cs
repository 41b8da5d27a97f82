using GuanGong.Functions.Records;
using GuanGong.Testing;

namespace GuanGong.Functions.Tests.CaseStorage;

/// <summary>
/// The app's tables under one fresh prefix in the shared Azurite, reached through their own storage
/// clients and request counter: two of them on one prefix are two hosts sharing one account.
/// </summary>
internal static class CaseTables
{
    public static string NewPrefix() => "c" + Guid.NewGuid().ToString("N")[..10];

    public static async Task<(AppTables Tables, StorageRequestCounter Requests)> OpenAsync(string prefix)
    {
        var azurite = await SharedAzurite.GetAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.Endpoints.ConnectionString,
            ["GuanGong:Storage:TablePrefix"] = prefix,
        }).Build();
        var storage = AppStorage.Create(configuration);
        var tables = new AppTables(storage, configuration);
        await tables.CreateAllAsync(CancellationToken.None);
        return (tables, storage.RequestCounter);
    }
}
