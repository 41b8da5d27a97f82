// The user-assigned managed identity the Function App runs as. It exists before the app, so its
// role assignments (roles.bicep) are in place when the app is created and first starts: the
// deployment-package container, host storage, Durable's task hub, the Key Vault references and
// Application Insights all authenticate with it from the first second. With a system-assigned
// identity the roles could only be granted after the app existed, and its first start raced them.
// It also outlives the app: deleting and recreating the app keeps the identity and its roles.

@description('Azure region for the identity.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Name of the user-assigned managed identity.')
param identityName string

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: identityName
  location: location
  tags: tags
}

output identityId string = identity.id
output identityName string = identity.name
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
