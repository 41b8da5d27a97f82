// The one storage account GuanGong uses for everything: the Functions host (azure-webjobs-hosts:
// leases, timer-trigger locks; azure-webjobs-secrets: keys), the Durable extension's task hub on
// its Azure Storage provider (hub GuanGong: GuanGongHistory and GuanGongInstances tables,
// guangong-control-00..03 and guangong-workitems queues, guangong-leases and
// guangong-largemessages containers), the app's own tables and the ledger files in the `ledgers`
// container. The host, the extension and the app create these on start, so only the Flex
// Consumption deployment container is declared here.
//
// Ledger files carry personal data about minors: no anonymous access, no account keys, TLS 1.2,
// and deleted or overwritten blobs stay recoverable for the soft-delete window.

@description('Azure region for the account.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Storage account name: 3-24 lower-case letters and digits, globally unique.')
@minLength(3)
@maxLength(24)
param storageAccountName string

@description('Replication: LRS keeps three copies in one datacentre, ZRS spreads them over three zones.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
])
param skuName string

@description('Blob container the Flex Consumption plan deploys the app package into.')
param deploymentContainerName string

@description('Days a deleted blob or container can be restored.')
@minValue(1)
@maxValue(365)
param softDeleteRetentionDays int

@description('Days a previous version of a blob is kept after it was replaced, before lifecycle management deletes it.')
@minValue(1)
param blobVersionRetentionDays int

@description('Log Analytics workspace that receives the blob read/write/delete audit log.')
param workspaceId string

resource storageAccount 'Microsoft.Storage/storageAccounts@2025-06-01' = {
  name: storageAccountName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: skuName
  }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    // Identity only: every client (the Functions host, the app, operators) authenticates with
    // Microsoft Entra ID. Account keys and key-signed SAS tokens are refused.
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowCrossTenantReplication: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      // The Flex Consumption app is not in a virtual network here, so the account stays reachable
      // over the public endpoint; access is decided by Entra ID and RBAC.
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2025-06-01' = {
  parent: storageAccount
  name: 'default'
  properties: {
    // Versioning keeps the previous content of an overwritten ledger; soft delete keeps a deleted
    // ledger (and a deleted container) restorable for the retention window.
    isVersioningEnabled: true
    deleteRetentionPolicy: {
      enabled: true
      days: softDeleteRetentionDays
      allowPermanentDelete: false
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: softDeleteRetentionDays
    }
  }
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-06-01' = {
  parent: blobService
  name: deploymentContainerName
  properties: {
    publicAccess: 'None'
  }
}

// Without a bound, versioning would keep every previous version of every blob the host and the
// engine rewrite (timer status, large-message payloads) for ever.
resource lifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2025-06-01' = {
  parent: storageAccount
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          enabled: true
          name: 'expire-previous-versions'
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [
                'blockBlob'
              ]
            }
            actions: {
              version: {
                delete: {
                  daysAfterCreationGreaterThan: blobVersionRetentionDays
                }
              }
            }
          }
        }
      ]
    }
  }
  dependsOn: [
    // The rule acts on versions, so versioning must be on before the policy is accepted.
    blobService
  ]
}

// Who read, wrote or deleted which blob: the audit trail for the ledgers' personal data.
resource blobAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'blob-audit'
  scope: blobService
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        category: 'StorageRead'
        enabled: true
      }
      {
        category: 'StorageWrite'
        enabled: true
      }
      {
        category: 'StorageDelete'
        enabled: true
      }
    ]
  }
}

output storageAccountName string = storageAccount.name
output storageAccountId string = storageAccount.id
output blobEndpoint string = storageAccount.properties.primaryEndpoints.blob
output queueEndpoint string = storageAccount.properties.primaryEndpoints.queue
output tableEndpoint string = storageAccount.properties.primaryEndpoints.table
output deploymentContainerUrl string = '${storageAccount.properties.primaryEndpoints.blob}${deploymentContainer.name}'
