// Data-plane roles for the Function App's user-assigned identity (identity.bicep). Each assignment
// is scoped to the one resource it concerns, never to the resource group. Role definition IDs are
// the built-in ones listed in Azure's "Azure built-in roles" reference (docs/deploy.md, "Roles").
//
// Storage, and why these three roles:
// - The Functions host with an identity-based AzureWebJobsStorage needs Storage Blob Data Owner
//   (Microsoft's Functions reference, "Connecting to host storage with an identity":
//   MicrosoftDocs/azure-docs, includes/functions-azurewebjobsstorage-permissions.md), and the same
//   blob role serves the Flex Consumption deployment container.
// - Durable Functions on its Azure Storage provider (the task hub's control and work-item queues,
//   History and Instances tables, lease and large-message blobs) needs Storage Queue Data
//   Contributor, Storage Blob Data Contributor and Storage Table Data Contributor
//   ("Quickstart: Configure Durable Functions with managed identity", learn.microsoft.com;
//   MicrosoftDocs/azure-docs, articles/azure-functions/durable/durable-functions-configure-managed-identity.md,
//   "Assign access roles to the managed identity"). Blob Data Owner contains every action of Blob
//   Data Contributor, so the three roles below cover the host, Durable and the app's own tables,
//   queues and ledger blobs.

@description('Object (principal) ID of the app\'s user-assigned identity.')
param principalId string

@description('Name of the app\'s user-assigned identity; its resource ID, known before deployment, names the assignments.')
param identityName string

@description('Name of the storage account.')
param storageAccountName string

@description('Name of the Key Vault.')
param keyVaultName string

@description('Name of the Application Insights component.')
param appInsightsName string

@description('True when Application Insights refuses telemetry without an Entra token; the identity then needs Monitoring Metrics Publisher on it.')
param appInsightsEntraAuthOnly bool

var roleIds = {
  // Host storage: leases, timer locks, keys, the Flex deployment package. Covers every action of
  // Storage Blob Data Contributor; the Functions docs name Owner for identity-based AzureWebJobsStorage.
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  // Engine queues and their poison queues: create, send, peek, receive, delete. A superset of
  // Storage Queue Data Message Processor and Message Sender, so neither is assigned separately.
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  // Engine history/instance tables, the app's tables, the host's diagnostic events.
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  // Read secret values, for Key Vault references.
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
  // Send telemetry to an Application Insights component that has local auth disabled.
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
}

var storageRoles = [
  roleIds.storageBlobDataOwner
  roleIds.storageQueueDataContributor
  roleIds.storageTableDataContributor
]

// The assignment names derive from the identity's resource ID rather than its principal ID: the
// first is known when the template compiles, so what-if can predict the assignments exactly.
var identityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', identityName)

resource storageAccount 'Microsoft.Storage/storageAccounts@2025-06-01' existing = {
  name: storageAccountName
}

resource vault 'Microsoft.KeyVault/vaults@2025-05-01' existing = {
  name: keyVaultName
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

resource storageAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for roleId in storageRoles: {
  name: guid(storageAccount.id, identityId, roleId)
  scope: storageAccount
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
    principalId: principalId
    // Stated so the assignment does not wait for the new identity to replicate through Entra ID.
    principalType: 'ServicePrincipal'
  }
}]

resource vaultSecretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identityId, roleIds.keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleIds.keyVaultSecretsUser)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

resource metricsPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (appInsightsEntraAuthOnly) {
  name: guid(appInsights.id, identityId, roleIds.monitoringMetricsPublisher)
  scope: appInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleIds.monitoringMetricsPublisher)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}
