// GuanGong on Azure Functions: a .NET isolated worker app (dotnet-isolated 10.0) with Durable
// Functions on its Azure Storage provider, on the Flex Consumption plan, one environment per
// resource group. Everything authenticates with one user-assigned managed identity: no storage
// keys, no secrets in app settings. Deploy with a parameter file:
//
//   az deployment group create -g <resource-group> -f infra/main.bicep -p infra/parameters/prod.bicepparam
//
// docs/deploy.md explains every step, the secrets the parameter files read from the environment,
// and how to rotate the link-signing key.

targetScope = 'resourceGroup'

// ---- Naming -------------------------------------------------------------------------------------

@description('Short name of the application: 2-8 lower-case letters or digits, starting with a letter. Every resource name starts with it.')
@minLength(2)
@maxLength(8)
param namePrefix string

@description('Environment this deployment is: it appears in every resource name and tag.')
@allowed([
  'dev'
  'test'
  'prod'
])
param environmentName string

@description('Azure region. Flex Consumption is offered in a subset of regions: az functionapp list-flexconsumption-locations.')
param location string = resourceGroup().location

@description('Extra tags for every resource.')
param tags object = {}

// ---- Sizing -------------------------------------------------------------------------------------

@description('Storage replication.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
])
param storageSku string = 'Standard_LRS'

@description('Upper bound of instances the Flex Consumption plan scales out to.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Memory of each instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Days a deleted blob or container can be restored.')
@minValue(1)
@maxValue(365)
param blobSoftDeleteRetentionDays int = 30

@description('Days a replaced blob version is kept before lifecycle management deletes it.')
@minValue(1)
param blobVersionRetentionDays int = 90

@description('Days a deleted Key Vault or secret stays recoverable (fixed when the vault is created).')
@minValue(7)
@maxValue(90)
param keyVaultSoftDeleteRetentionDays int = 90

@description('Days Log Analytics keeps logs and telemetry.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

@description('Daily Log Analytics ingestion cap in GB; -1 means no cap.')
param logDailyQuotaGb int = -1

@description('Application Insights accepts only telemetry authenticated with Microsoft Entra ID (the app identity).')
param appInsightsEntraAuthOnly bool = true

// ---- Application --------------------------------------------------------------------------------

@description('Custom domain that serves the app (e.g. guangong.example.cn), already bound to the Function App. Empty: the default *.azurewebsites.net host name is used in email links.')
param customDomainHostName string = ''

@description('SMTP relay host name.')
param smtpHost string

@description('SMTP relay port.')
@minValue(1)
@maxValue(65535)
param smtpPort int = 587

@description('Use TLS to the SMTP relay.')
param smtpEnableSsl bool = true

@description('SMTP account user name.')
param smtpUserName string

@description('Sender address of every email the app sends.')
param mailFrom string

@description('OTLP endpoint for the app\'s own traces, metrics and logs; empty leaves the exporter off.')
param otlpEndpoint string = ''

@description('OTLP transport of that endpoint.')
@allowed([
  'grpc'
  'http/protobuf'
])
param otlpProtocol string = 'http/protobuf'

// ---- Secrets: only ever from the environment of the person or pipeline deploying ---------------

@description('Link-signing key that signs new email links.')
@secure()
param linkSigningKeyCurrent string

@description('Link-signing key before the last rotation; empty before the first rotation.')
@secure()
param linkSigningKeyPrevious string = ''

@description('Admin key for the admin functions.')
@secure()
param adminKey string

@description('SMTP account password.')
@secure()
param smtpPassword string

@description('OTLP exporter headers (e.g. an API key), in OTEL_EXPORTER_OTLP_HEADERS form; empty if the endpoint needs none.')
@secure()
param otlpHeaders string = ''

// ---- Names --------------------------------------------------------------------------------------

// Stable for a given subscription, resource group, prefix and environment, so redeploying updates
// the same resources; different across resource groups, so globally unique names do not collide.
var suffix = uniqueString(subscription().id, resourceGroup().id, namePrefix, environmentName)
var shortSuffix = take(suffix, 6)

var names = {
  identity: 'id-${namePrefix}-${environmentName}'
  storageAccount: take(toLower('st${namePrefix}${environmentName}${suffix}'), 24)
  keyVault: 'kv-${namePrefix}-${environmentName}-${shortSuffix}'
  workspace: 'log-${namePrefix}-${environmentName}'
  appInsights: 'appi-${namePrefix}-${environmentName}'
  plan: 'plan-${namePrefix}-${environmentName}'
  functionApp: 'func-${namePrefix}-${environmentName}-${shortSuffix}'
  deploymentContainer: 'app-package'
}

var baseTags = {
  application: 'guangong'
  environment: environmentName
}
var allTags = union(baseTags, tags)

// ---- Resources ----------------------------------------------------------------------------------

module monitoring 'modules/monitoring.bicep' = {
  name: '${deployment().name}-monitoring'
  params: {
    location: location
    tags: allTags
    workspaceName: names.workspace
    appInsightsName: names.appInsights
    retentionInDays: logRetentionDays
    dailyQuotaGb: logDailyQuotaGb
    disableLocalAuth: appInsightsEntraAuthOnly
  }
}

module identity 'modules/identity.bicep' = {
  name: '${deployment().name}-identity'
  params: {
    location: location
    tags: allTags
    identityName: names.identity
  }
}

module storage 'modules/storage.bicep' = {
  name: '${deployment().name}-storage'
  params: {
    location: location
    tags: allTags
    storageAccountName: names.storageAccount
    skuName: storageSku
    deploymentContainerName: names.deploymentContainer
    softDeleteRetentionDays: blobSoftDeleteRetentionDays
    blobVersionRetentionDays: blobVersionRetentionDays
    workspaceId: monitoring.outputs.workspaceId
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: '${deployment().name}-keyvault'
  params: {
    location: location
    tags: allTags
    keyVaultName: names.keyVault
    softDeleteRetentionInDays: keyVaultSoftDeleteRetentionDays
    linkSigningKeyCurrent: linkSigningKeyCurrent
    linkSigningKeyPrevious: linkSigningKeyPrevious
    adminKey: adminKey
    smtpPassword: smtpPassword
    otlpHeaders: otlpHeaders
    storeOtlpHeaders: !empty(otlpHeaders)
    workspaceId: monitoring.outputs.workspaceId
  }
}

module roles 'modules/roles.bicep' = {
  name: '${deployment().name}-roles'
  params: {
    principalId: identity.outputs.principalId
    identityName: names.identity
    // Names, not module outputs, so what-if can resolve the scopes before anything is deployed.
    storageAccountName: names.storageAccount
    keyVaultName: names.keyVault
    appInsightsName: names.appInsights
    appInsightsEntraAuthOnly: appInsightsEntraAuthOnly
  }
  dependsOn: [
    storage
    keyVault
    monitoring
  ]
}

module functionApp 'modules/functionapp.bicep' = {
  name: '${deployment().name}-functionapp'
  params: {
    location: location
    tags: allTags
    planName: names.plan
    functionAppName: names.functionApp
    identityId: identity.outputs.identityId
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
  }
  // The identity must already hold its storage roles when the app is created: the platform reads
  // the deployment container with it, and the host connects to storage with it on first start.
  dependsOn: [
    roles
  ]
}

var publicHostName = empty(customDomainHostName) ? functionApp.outputs.defaultHostName : customDomainHostName
var publicBaseUrl = 'https://${publicHostName}'

module appSettings 'modules/appsettings.bicep' = {
  name: '${deployment().name}-appsettings'
  params: {
    functionAppName: names.functionApp
    environmentName: environmentName
    identityClientId: identity.outputs.clientId
    blobServiceUri: storage.outputs.blobEndpoint
    queueServiceUri: storage.outputs.queueEndpoint
    tableServiceUri: storage.outputs.tableEndpoint
    appInsightsConnectionString: monitoring.outputs.appInsightsConnectionString
    appInsightsEntraAuthOnly: appInsightsEntraAuthOnly
    publicBaseUrl: publicBaseUrl
    allowedHosts: union([publicHostName], [functionApp.outputs.defaultHostName])
    secretUris: {
      linkSigningKeyCurrent: keyVault.outputs.linkSigningKeyCurrentUri
      linkSigningKeyPrevious: keyVault.outputs.linkSigningKeyPreviousUri
      adminKey: keyVault.outputs.adminKeyUri
      smtpPassword: keyVault.outputs.smtpCredentialUri
      otlpHeaders: keyVault.outputs.otlpHeadersUri
    }
    smtp: {
      host: smtpHost
      port: smtpPort
      enableSsl: smtpEnableSsl
      userName: smtpUserName
      from: mailFrom
    }
    otlpEndpoint: otlpEndpoint
    otlpProtocol: otlpProtocol
  }
}

// ---- Outputs ------------------------------------------------------------------------------------

output functionAppName string = functionApp.outputs.functionAppName
output defaultHostName string = functionApp.outputs.defaultHostName
output publicBaseUrl string = publicBaseUrl
output storageAccountName string = storage.outputs.storageAccountName
output keyVaultName string = keyVault.outputs.keyVaultName
output appInsightsConnectionString string = monitoring.outputs.appInsightsConnectionString
output identityName string = identity.outputs.identityName
output identityClientId string = identity.outputs.clientId
output principalId string = identity.outputs.principalId
