// Log Analytics workspace and the workspace-based Application Insights component the Functions
// host reports to. The app's own traces and metrics leave through OTLP (see functionapp.bicep);
// Application Insights receives what the host itself emits: invocations, host logs, dependencies.

@description('Azure region for the resources.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Name of the Log Analytics workspace.')
param workspaceName string

@description('Name of the Application Insights component.')
param appInsightsName string

@description('Days the workspace keeps data.')
@minValue(30)
@maxValue(730)
param retentionInDays int

@description('Daily ingestion cap in GB; -1 means no cap.')
param dailyQuotaGb int

@description('Refuse telemetry that is not authenticated with Microsoft Entra ID. When true, the app identity needs Monitoring Metrics Publisher on the component (roles.bicep).')
param disableLocalAuth bool

resource workspace 'Microsoft.OperationalInsights/workspaces@2025-07-01' = {
  name: workspaceName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
    workspaceCapping: {
      dailyQuotaGb: dailyQuotaGb
    }
    features: {
      // Readers of one resource's logs see only that resource's logs, not the whole workspace.
      enableLogAccessUsingOnlyResourcePermissions: true
    }
    publicNetworkAccessForIngestion: 'Enabled'
    publicNetworkAccessForQuery: 'Enabled'
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: appInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    IngestionMode: 'LogAnalytics'
    DisableLocalAuth: disableLocalAuth
    publicNetworkAccessForIngestion: 'Enabled'
    publicNetworkAccessForQuery: 'Enabled'
  }
}

output workspaceId string = workspace.id
output appInsightsName string = appInsights.name

// With local auth disabled the connection string only says where to send telemetry: ingestion
// also needs an Entra token, so it is not a credential (see docs/deploy.md, "Outputs").
output appInsightsConnectionString string = appInsights.properties.ConnectionString
