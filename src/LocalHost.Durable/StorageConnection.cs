using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using DurableTask.AzureStorage;
using Microsoft.Extensions.Configuration;

namespace GuanGong.LocalHost.Durable;

/// <summary>Turns the options' connection (string or identity-based keys) into DTFx's client provider.</summary>
internal static class StorageConnection
{
    public static StorageAccountClientProvider CreateProvider(DurableEngineOptions options)
    {
        var name = options.Settings.StorageProvider.EffectiveConnectionName;
        var connectionString = options.ConnectionString ?? options.Configuration?[name];
        var blobOptions = Configure(new BlobClientOptions(), options);
        var queueOptions = Configure(new QueueClientOptions(), options);
        var tableOptions = Configure(new TableClientOptions(), options);
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return new StorageAccountClientProvider(
                StorageServiceClientProvider.ForBlob(connectionString, blobOptions),
                StorageServiceClientProvider.ForQueue(connectionString, queueOptions),
                StorageServiceClientProvider.ForTable(connectionString, tableOptions));
        }

        var section = options.Configuration?.GetSection(name);
        if (section is null || !section.GetChildren().Any())
        {
            throw new InvalidOperationException(
                $"No storage connection: set the connection string '{name}' or its identity-based settings " +
                $"'{name}__blobServiceUri', '{name}__queueServiceUri', '{name}__tableServiceUri' (or '{name}__accountName').");
        }

        var credential = CreateCredential(section);
        var accountName = section["accountName"];
        Uri Endpoint(string key, string service) =>
            section[key] is { Length: > 0 } uri ? new Uri(uri)
            : accountName is { Length: > 0 } ? new Uri($"https://{accountName}.{service}.core.windows.net/")
            : throw new InvalidOperationException($"The identity-based connection '{name}' has neither '{key}' nor 'accountName'.");

        return new StorageAccountClientProvider(
            StorageServiceClientProvider.ForBlob(Endpoint("blobServiceUri", "blob"), credential, blobOptions),
            StorageServiceClientProvider.ForQueue(Endpoint("queueServiceUri", "queue"), credential, queueOptions),
            StorageServiceClientProvider.ForTable(Endpoint("tableServiceUri", "table"), credential, tableOptions));
    }

    // The Functions host reads credential=managedidentity (+ clientId) for a user-assigned identity; otherwise the
    // default chain, which is what it does too.
    private static TokenCredential CreateCredential(IConfiguration section)
    {
        var clientId = section["clientId"];
        if (string.Equals(section["credential"], "managedidentity", StringComparison.OrdinalIgnoreCase))
        {
            return string.IsNullOrWhiteSpace(clientId)
                ? new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned)
                : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
        }

        return new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId });
    }

    private static T Configure<T>(T clientOptions, DurableEngineOptions options)
        where T : ClientOptions
    {
        foreach (var policy in options.StoragePolicies)
        {
            clientOptions.AddPolicy(policy, options.StoragePolicyPosition);
        }

        return clientOptions;
    }
}
