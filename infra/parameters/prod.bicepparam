// Production environment. Secrets and mail settings come from the environment of whoever deploys
// (docs/deploy.md lists the variables); nothing secret is stored in this file.
//
//   az deployment group create -g <prod-resource-group> -f infra/main.bicep -p infra/parameters/prod.bicepparam
using '../main.bicep'

param namePrefix = 'guangong'
param environmentName = 'prod'
param location = readEnvironmentVariable('GUANGONG_PROD_LOCATION', 'eastasia')
param tags = {
  'data-classification': 'personal'
}

param storageSku = 'Standard_ZRS'
param maximumInstanceCount = 100
param instanceMemoryMB = 2048
param blobSoftDeleteRetentionDays = 30
param blobVersionRetentionDays = 90
param keyVaultSoftDeleteRetentionDays = 90
param logRetentionDays = 90
param logDailyQuotaGb = -1
param appInsightsEntraAuthOnly = true

param customDomainHostName = readEnvironmentVariable('GUANGONG_PROD_CUSTOM_DOMAIN', '')
param smtpHost = readEnvironmentVariable('GUANGONG_PROD_SMTP_HOST')
param smtpPort = 587
param smtpEnableSsl = true
param smtpUserName = readEnvironmentVariable('GUANGONG_PROD_SMTP_USERNAME')
param mailFrom = readEnvironmentVariable('GUANGONG_PROD_MAIL_FROM')
param otlpEndpoint = readEnvironmentVariable('GUANGONG_PROD_OTLP_ENDPOINT', '')
param otlpProtocol = 'http/protobuf'

param linkSigningKeyCurrent = readEnvironmentVariable('GUANGONG_PROD_LINK_SIGNING_KEY_CURRENT')
param linkSigningKeyPrevious = readEnvironmentVariable('GUANGONG_PROD_LINK_SIGNING_KEY_PREVIOUS', '')
param adminKey = readEnvironmentVariable('GUANGONG_PROD_ADMIN_KEY')
param smtpPassword = readEnvironmentVariable('GUANGONG_PROD_SMTP_PASSWORD')
param otlpHeaders = readEnvironmentVariable('GUANGONG_PROD_OTLP_HEADERS', '')
