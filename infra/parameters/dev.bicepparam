// Development environment. Secrets and mail settings come from the environment of whoever deploys
// (docs/deploy.md lists the variables); nothing secret is stored in this file.
//
//   az deployment group create -g <dev-resource-group> -f infra/main.bicep -p infra/parameters/dev.bicepparam
using '../main.bicep'

param namePrefix = 'guangong'
param environmentName = 'dev'
param location = readEnvironmentVariable('GUANGONG_DEV_LOCATION', 'eastasia')
param tags = {
  'data-classification': 'personal'
}

param storageSku = 'Standard_LRS'
param maximumInstanceCount = 40
param instanceMemoryMB = 2048
param blobSoftDeleteRetentionDays = 7
param blobVersionRetentionDays = 7
param keyVaultSoftDeleteRetentionDays = 7
param logRetentionDays = 30
param logDailyQuotaGb = 1
param appInsightsEntraAuthOnly = true

param customDomainHostName = ''
param smtpHost = readEnvironmentVariable('GUANGONG_DEV_SMTP_HOST')
param smtpPort = 587
param smtpEnableSsl = true
param smtpUserName = readEnvironmentVariable('GUANGONG_DEV_SMTP_USERNAME')
param mailFrom = readEnvironmentVariable('GUANGONG_DEV_MAIL_FROM')
param otlpEndpoint = readEnvironmentVariable('GUANGONG_DEV_OTLP_ENDPOINT', '')
param otlpProtocol = 'http/protobuf'

param linkSigningKeyCurrent = readEnvironmentVariable('GUANGONG_DEV_LINK_SIGNING_KEY_CURRENT')
param linkSigningKeyPrevious = readEnvironmentVariable('GUANGONG_DEV_LINK_SIGNING_KEY_PREVIOUS', '')
param adminKey = readEnvironmentVariable('GUANGONG_DEV_ADMIN_KEY')
param smtpPassword = readEnvironmentVariable('GUANGONG_DEV_SMTP_PASSWORD')
param otlpHeaders = readEnvironmentVariable('GUANGONG_DEV_OTLP_HEADERS', '')
