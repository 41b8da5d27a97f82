// The Function App's app settings, written as one sites/config 'appsettings' resource. main.bicep
// deploys this after roles.bicep, so that the identity can already read Key Vault and storage when
// the app restarts with these settings.
//
// No setting holds an account key or a secret value: storage is reached by service URI with the
// app's user-assigned managed identity (the Functions identity-based connection convention, which
// the Durable extension and the app's own storage clients read as well), and every secret is a
// Key Vault reference.
//
// Not here on purpose: FUNCTIONS_WORKER_RUNTIME (dotnet-isolated) and FUNCTIONS_EXTENSION_VERSION,
// which Flex Consumption takes from functionAppConfig.runtime (functionapp.bicep) and lists among
// its deprecated app settings; WEBSITE_TIME_ZONE, which Flex Consumption does not support either,
// so timer-trigger CRON schedules are in UTC.

@description('Name of the existing Function App.')
param functionAppName string

@description('Environment name, reported to OpenTelemetry as deployment.environment.')
param environmentName string

@description('Client ID of the user-assigned identity the app runs as.')
param identityClientId string

@description('Blob service endpoint of the storage account, e.g. https://<account>.blob.core.windows.net/.')
param blobServiceUri string

@description('Queue service endpoint of the storage account.')
param queueServiceUri string

@description('Table service endpoint of the storage account.')
param tableServiceUri string

@description('Application Insights connection string.')
param appInsightsConnectionString string

@description('True when Application Insights refuses telemetry without an Entra token; the host then authenticates with the app identity.')
param appInsightsEntraAuthOnly bool

@description('Absolute base URL the app writes into email links, without a trailing slash.')
param publicBaseUrl string

@description('Host names requests may carry in their Host header (the custom domain and the app\'s default host name); any other is refused.')
param allowedHosts array

@description('Version-specific Key Vault secret URIs, from keyvault.bicep; otlpHeaders is empty when there is no such secret.')
param secretUris {
  linkSigningKeyCurrent: string
  linkSigningKeyPrevious: string
  adminKey: string
  smtpPassword: string
  otlpHeaders: string
}

@description('SMTP relay the app sends mail through.')
param smtp {
  host: string
  port: int
  enableSsl: bool
  userName: string
  from: string
}

@description('OTLP endpoint for the app\'s traces, metrics and logs; empty leaves the exporter off.')
param otlpEndpoint string

@description('OTLP transport the endpoint speaks.')
@allowed([
  'grpc'
  'http/protobuf'
])
param otlpProtocol string

resource functionApp 'Microsoft.Web/sites@2025-03-01' existing = {
  name: functionAppName
}

// One connection, AzureWebJobsStorage, for the host, the Durable extension (its storageProvider
// connectionName defaults to it) and the app. Service URIs rather than __accountName, so the same
// settings work in clouds whose storage endpoints are not *.core.windows.net.
var storageSettings = {
  AzureWebJobsStorage__blobServiceUri: blobServiceUri
  AzureWebJobsStorage__queueServiceUri: queueServiceUri
  AzureWebJobsStorage__tableServiceUri: tableServiceUri
  AzureWebJobsStorage__credential: 'managedidentity'
  // A user-assigned identity must be named. Durable Functions takes it only as clientId, not as
  // managedIdentityResourceId ("Configure Durable Functions with managed identity").
  AzureWebJobsStorage__clientId: identityClientId
  // Azure.Identity's DefaultAzureCredential / ManagedIdentityCredential in the app's own code pick
  // the same identity from this variable without further configuration.
  AZURE_CLIENT_ID: identityClientId
}

var telemetrySettings = {
  APPLICATIONINSIGHTS_CONNECTION_STRING: appInsightsConnectionString
  OTEL_SERVICE_NAME: 'guangong'
  OTEL_RESOURCE_ATTRIBUTES: 'deployment.environment=${environmentName}'
}

// The Functions host sends its telemetry with an Entra token from the app's user-assigned identity
// (named by its client id; without it the host would look for a system-assigned identity).
var appInsightsAuthSettings = appInsightsEntraAuthOnly ? {
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
} : {}

var otlpEndpointSettings = empty(otlpEndpoint) ? {} : {
  OTEL_EXPORTER_OTLP_ENDPOINT: otlpEndpoint
  OTEL_EXPORTER_OTLP_PROTOCOL: otlpProtocol
}

var otlpHeadersReference = '@Microsoft.KeyVault(SecretUri=${secretUris.otlpHeaders})'
var otlpHeadersSettings = !empty(otlpEndpoint) && !empty(secretUris.otlpHeaders) ? {
  OTEL_EXPORTER_OTLP_HEADERS: otlpHeadersReference
} : {}

var appSettings = {
  GuanGong__Profile: 'Azure'
  GuanGong__PublicBaseUrl: publicBaseUrl
  GuanGong__Links__SigningKeys__Current: '@Microsoft.KeyVault(SecretUri=${secretUris.linkSigningKeyCurrent})'
  GuanGong__Links__SigningKeys__Previous: '@Microsoft.KeyVault(SecretUri=${secretUris.linkSigningKeyPrevious})'
  GuanGong__AdminKey: '@Microsoft.KeyVault(SecretUri=${secretUris.adminKey})'
  // Host allow-list: a request naming another host (a DNS-rebinding page, a stray domain pointed at the app) gets 400.
  GuanGong__Http__AllowedHosts: join(allowedHosts, ',')
  // The Functions host hands each request to the worker over loopback, with the front end's X-Forwarded-For:
  // only from there is the forwarded client address believed (audit entries record the caller, not loopback).
  GuanGong__Http__TrustedProxies: '127.0.0.1,::1'
  GuanGong__Mail__Delivery: 'Smtp'
  GuanGong__Mail__Smtp__Host: smtp.host
  GuanGong__Mail__Smtp__Port: string(smtp.port)
  GuanGong__Mail__Smtp__EnableSsl: string(smtp.enableSsl)
  GuanGong__Mail__Smtp__UserName: smtp.userName
  GuanGong__Mail__Smtp__Password: '@Microsoft.KeyVault(SecretUri=${secretUris.smtpPassword})'
  GuanGong__Mail__From: smtp.from
}

// Replaces the whole set of app settings on every deployment: a setting added by hand in the
// portal disappears on the next deployment, so add it here instead.
resource settings 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: functionApp
  name: 'appsettings'
  properties: union(storageSettings, telemetrySettings, appInsightsAuthSettings, otlpEndpointSettings, otlpHeadersSettings, appSettings)
}
