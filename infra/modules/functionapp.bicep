// The Flex Consumption plan and the Linux Function App that runs GuanGong: a .NET isolated worker
// app (runtime dotnet-isolated 10.0, declared in functionAppConfig.runtime), published by
// scripts/publish.sh as the standard Functions layout (functions.metadata, worker.config.json,
// extensions.json, .azurefunctions/).
//
// The app runs as the user-assigned identity from identity.bicep, which already holds its roles
// when this resource is created (main.bicep orders it after roles.bicep), so the platform can read
// the deployment package and the host can reach storage on the first start.
//
// App settings are not set here but in appsettings.bicep (one sites/config resource holding the
// whole set).

@description('Azure region for the plan and the app. Flex Consumption is offered in a subset of regions: az functionapp list-flexconsumption-locations.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Name of the Flex Consumption plan.')
param planName string

@description('Name of the Function App; also the first label of its default host name.')
param functionAppName string

@description('Resource ID of the user-assigned identity the app runs as.')
param identityId string

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

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    // Linux: Flex Consumption has no Windows instances.
    reserved: true
  }
}

resource functionApp 'Microsoft.Web/sites@2025-03-01' = {
  name: functionAppName
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Key Vault references are resolved with the user-assigned identity (Key Vault Secrets User).
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            // No connection string: the platform fetches the package with the app's identity,
            // which holds Storage Blob Data Owner on the account (roles.bicep).
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      // The runtime lives here on Flex Consumption: FUNCTIONS_WORKER_RUNTIME and
      // FUNCTIONS_EXTENSION_VERSION are not app settings on this plan (Microsoft's "App settings
      // reference for Azure Functions", section "Flex Consumption plan deprecations").
      // dotnet-isolated 10.0 on FC1 is in the runtime list Get-AzFunctionAppFlexConsumptionRuntime
      // prints (docs/deploy.md, "Runtime").
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

output functionAppName string = functionApp.name
output defaultHostName string = functionApp.properties.defaultHostName
