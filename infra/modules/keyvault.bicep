// Key Vault for the secrets the app reads through Key Vault references in its app settings:
// the two link-signing keys (current and previous, so a rotation does not break links already
// emailed), the admin key, the SMTP password and, when given, the OTLP exporter headers.
// Values come from secure parameters; nothing secret is written in a template or parameter file.

@description('Azure region for the vault.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Key Vault name: 3-24 letters, digits and hyphens, globally unique.')
@minLength(3)
@maxLength(24)
param keyVaultName string

@description('Days a deleted vault or secret stays recoverable. Fixed once the vault exists.')
@minValue(7)
@maxValue(90)
param softDeleteRetentionInDays int

@description('Key that signs new email links.')
@secure()
param linkSigningKeyCurrent string

@description('Key that signed links before the last rotation; links signed with it keep verifying until they expire.')
@secure()
param linkSigningKeyPrevious string

@description('Key administrators present to the admin functions.')
@secure()
param adminKey string

@description('Password of the SMTP account the app sends mail with.')
@secure()
param smtpPassword string

@description('Headers for the OTLP exporter (for example an API key), as OTEL_EXPORTER_OTLP_HEADERS expects them.')
@secure()
param otlpHeaders string

@description('Whether otlpHeaders holds a value to store. Passed separately so that no output depends on a secure parameter.')
param storeOtlpHeaders bool

@description('Log Analytics workspace that receives the vault audit log.')
param workspaceId string

// Secret names as they appear in the vault (docs/deploy.md lists them).
var secretNames = {
  linkSigningKeyCurrent: 'LinkSigningKey-Current'
  linkSigningKeyPrevious: 'LinkSigningKey-Previous'
  adminKey: 'AdminKey'
  smtpPassword: 'Smtp-Password'
  otlpHeaders: 'Otlp-Headers'
}

resource vault 'Microsoft.KeyVault/vaults@2025-05-01' = {
  name: keyVaultName
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    // Access is granted with Azure roles (Key Vault Secrets User for the app), not access policies.
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: softDeleteRetentionInDays
    // Nobody, not even an owner, can purge a deleted vault or secret before the retention ends.
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource linkSigningKeyCurrentSecret 'Microsoft.KeyVault/vaults/secrets@2025-05-01' = {
  parent: vault
  name: secretNames.linkSigningKeyCurrent
  properties: {
    value: linkSigningKeyCurrent
    contentType: 'GuanGong link-signing key (current)'
    attributes: {
      enabled: true
    }
  }
}

resource linkSigningKeyPreviousSecret 'Microsoft.KeyVault/vaults/secrets@2025-05-01' = {
  parent: vault
  name: secretNames.linkSigningKeyPrevious
  properties: {
    // Before the first rotation there is no previous key; the current one stands in, so the app
    // always finds both settings and simply verifies against the same key twice.
    value: empty(linkSigningKeyPrevious) ? linkSigningKeyCurrent : linkSigningKeyPrevious
    contentType: 'GuanGong link-signing key (previous)'
    attributes: {
      enabled: true
    }
  }
}

resource adminKeySecret 'Microsoft.KeyVault/vaults/secrets@2025-05-01' = {
  parent: vault
  name: secretNames.adminKey
  properties: {
    value: adminKey
    contentType: 'GuanGong admin key'
    attributes: {
      enabled: true
    }
  }
}

resource smtpPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2025-05-01' = {
  parent: vault
  name: secretNames.smtpPassword
  properties: {
    value: smtpPassword
    contentType: 'SMTP password'
    attributes: {
      enabled: true
    }
  }
}

resource otlpHeadersSecret 'Microsoft.KeyVault/vaults/secrets@2025-05-01' = if (storeOtlpHeaders) {
  parent: vault
  name: secretNames.otlpHeaders
  properties: {
    value: otlpHeaders
    contentType: 'OTLP exporter headers'
    attributes: {
      enabled: true
    }
  }
}

// Every read of a secret, by the platform resolving a reference or by a person, is logged.
resource vaultAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'vault-audit'
  scope: vault
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        category: 'AuditEvent'
        enabled: true
      }
    ]
  }
}

output keyVaultName string = vault.name

// Version-specific secret URIs. The app settings refer to exactly the versions this deployment
// wrote, so a deployment that writes a new value also changes the app setting, and App Service
// fetches the new value at once instead of within its 24-hour refresh of versionless references.
// They name a secret version; they do not contain it.
output linkSigningKeyCurrentUri string = linkSigningKeyCurrentSecret.properties.secretUriWithVersion
output linkSigningKeyPreviousUri string = linkSigningKeyPreviousSecret.properties.secretUriWithVersion
output adminKeyUri string = adminKeySecret.properties.secretUriWithVersion
output smtpCredentialUri string = smtpPasswordSecret.properties.secretUriWithVersion
output otlpHeadersUri string = storeOtlpHeaders ? otlpHeadersSecret!.properties.secretUriWithVersion : ''
