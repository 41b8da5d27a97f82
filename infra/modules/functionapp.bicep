// The Flex Consumption plan and the Linux Function App that runs GuanGong as a custom handler:
// host.json names handler/GuanGong.Functions (a self-contained linux-x64 executable) and the
// Functions host forwards HTTP requests, queue messages and timer ticks to it.
//
// App settings are not set here but in appsettings.bicep, which the deployment applies only after
// the identity created here has its roles, so that the Key Vault references and the identity-based
// storage connection can resolve when the app first starts with them (role assignments can still
// take minutes to propagate: docs/deploy.md, "Publishing the app").

@description('Azure region for the plan and the app. Flex Consumption is offered in a subset of regions: az functionapp list-flexconsumption-locations.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Name of the Flex Consumption plan.')
param planName string

@description('Name of the Function App; also the first label of its default host name.')
param functionAppName string

@description('URL of the blob container the app package is deployed to.')
param deploymentContainerUrl string

@description('Upper bound of instances the plan scales out to (40-1000).')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int

@description('Memory of each instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    // Linux.
    reserved: true
  }
}

resource functionApp 'Microsoft.Web/sites@2024-04-01' = {
  name: functionAppName
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Key Vault references are resolved with the app's system-assigned identity.
    keyVaultReferenceIdentity: 'SystemAssigned'
    siteConfig: {
      minTlsVersion: '1.2'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            // No connection string: the platform fetches the package with the app's identity,
            // which holds Storage Blob Data Owner on the account (roles.bicep).
            type: 'SystemAssignedIdentity'
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      // Flex Consumption lists 'custom' 1.0 among its runtimes (docs/deploy.md, "Runtime").
      // FUNCTIONS_WORKER_RUNTIME must not be set as an app setting on this plan.
      runtime: {
        name: 'custom'
        version: '1.0'
      }
    }
  }
}

output functionAppName string = functionApp.name
output defaultHostName string = functionApp.properties.defaultHostName
output principalId string = functionApp.identity.principalId
