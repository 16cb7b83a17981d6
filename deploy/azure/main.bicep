// Passerelle on Azure: an Azure Bot (Direct Line, Web Chat, optionally Teams) whose messaging
// endpoint is a Container App running the image of deploy/Dockerfile, MongoDB from Azure Cosmos DB
// for MongoDB (vCore) or a connection string you give (MongoDB Atlas...), secrets in Key Vault,
// logs in a Log Analytics workspace. Step by step: deploy/README.md, "On Azure".
//
//   az deployment group create -g <resource group> -f deploy/azure/main.bicep \
//     -p deploy/azure/main.parameters.json -p pseudonymSecret=<64 hex> mongoAdminPassword=<password>

targetScope = 'resourceGroup'

@description('Short name used in every resource name (letters and digits, 3-16), e.g. "passerelle".')
@minLength(3)
@maxLength(16)
param name string = 'passerelle'

@description('Azure region of the resources (the bot itself is global).')
param location string = resourceGroup().location

@description('The Passerelle image to run, e.g. "myregistry.azurecr.io/passerelle:1.0.0" (built from deploy/Dockerfile).')
param containerImage string

@description('Registry server of a private image (e.g. "myregistry.azurecr.io"); empty for a public image.')
param registryServer string = ''

@description('User name for the registry (with registryPassword); empty to pull with the managed identity (grant it AcrPull) or for a public image.')
param registryUsername string = ''

@description('Password for the registry (with registryUsername).')
@secure()
param registryPassword string = ''

@description('How the bot authenticates to the Bot Framework: UserAssignedMSI (the identity created here, no password; recommended), SingleTenant or MultiTenant (an Entra app registration: microsoftAppId and microsoftAppPassword).')
@allowed(['UserAssignedMSI', 'SingleTenant', 'MultiTenant'])
param botAppType string = 'UserAssignedMSI'

@description('Application (client) id of the bot\'s Entra app registration (SingleTenant or MultiTenant only).')
param microsoftAppId string = ''

@description('Client secret of that app registration (SingleTenant or MultiTenant only); kept in Key Vault.')
@secure()
param microsoftAppPassword string = ''

@description('Azure Bot pricing tier: F0 (free, standard channels limited in messages) or S1.')
@allowed(['F0', 'S1'])
param botSku string = 'F0'

@description('Also enable the Microsoft Teams channel (the app package is made from deploy/teams/).')
param enableTeams bool = true

@description('Key of the HMAC that turns channel ids into pseudonymous keys: 64 hex characters (openssl rand -hex 32). Never change it afterwards. Kept in Key Vault.')
@secure()
@minLength(32)
param pseudonymSecret string

@description('Keys of the encryption at rest: k1:<base64 of 32 random bytes> (node -e "console.log(\'k1:\' + require(\'crypto\').randomBytes(32).toString(\'base64\'))"); to rotate, put a new key first and keep the old ones after it, comma-separated. Kept in Key Vault.')
@secure()
@minLength(40)
param dataKeys string

@description('A MongoDB connection string to use (MongoDB Atlas, an existing cluster); empty to create Azure Cosmos DB for MongoDB (vCore). Kept in Key Vault.')
@secure()
param mongoConnectionString string = ''

@description('Administrator user of the Cosmos DB for MongoDB (vCore) cluster created when mongoConnectionString is empty.')
param mongoAdminUser string = 'passerelle'

@description('Administrator password of that cluster (8-256 characters); unused with mongoConnectionString.')
@secure()
param mongoAdminPassword string = ''

@description('Compute tier of the vCore cluster (M25 for trials, M30 and up for production).')
param mongoTier string = 'M30'

@description('Storage of the vCore cluster, in GiB.')
param mongoStorageGb int = 32

@description('MongoDB database name (MONGODB_DB).')
param mongoDatabase string = 'passerelle'

@description('Direct Line secret of this bot (az bot directline show --with-secrets), for the web chat page the server serves on "/": set it on the second deployment (deploy/README.md). Empty: no page on "/" (Azure\'s own Web Chat still works). Kept in Key Vault.')
@secure()
param azureDirectLineSecret string = ''

@description('Direct Line API base (a regional endpoint, e.g. https://europe.directline.botframework.com/v3/directline).')
param azureDirectLineEndpoint string = 'https://directline.botframework.com/v3/directline'

@description('The address people reach the bot at (links in messages); empty: the Container App\'s own https address.')
param publicBaseUrl string = ''

@description('Language when a channel\'s locale matches none shipped (fr en de nl pt ro ar fa ps ckb so ti tr uk).')
param defaultLocale string = 'fr'

@description('IANA time zone that decides "today" for ages.')
param timeZone string = 'Europe/Paris'

@description('When caseworkers answer "talk to a person" (HANDOFF_HOURS), e.g. mon-fri 09:00-17:00, or always')
param handoffHours string = 'mon-fri 09:00-17:00'

@description('Time zone of handoffHours (IANA name); empty: timeZone')
param handoffTimeZone string = ''

@description('How long a link to a printable skills profile works, in days (1-90).')
@minValue(1)
@maxValue(90)
param profileLinkDays int = 7

@description('pino log level: fatal, error, warn, info, debug, trace or silent.')
@allowed(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
param logLevel string = 'info'

@description('Outgoing e-mail to partners: an smtp:// or smtps:// URL with its credentials (e.g. Azure Communication Services Email, SendGrid); empty: partners get no e-mail. Kept in Key Vault.')
@secure()
param smtpUrl string = ''

@description('The address partner e-mails come from (required with smtpUrl).')
param smtpFrom string = ''

@description('Partners\' webhook signing secrets, by variable name as content/partners.json names them, e.g. { "PARTNER_FR_COORDINATOR_SECRET": "<64 hex characters>" }.')
@secure()
param partnerWebhookSecrets object = {}

@description('Fewest replicas (1 keeps the bot warm; instances share MongoDB and need nothing else).')
@minValue(0)
param minReplicas int = 1

@description('Most replicas (scaled on concurrent HTTP requests).')
@minValue(1)
param maxReplicas int = 3

@description('Days the Log Analytics workspace keeps logs.')
param logRetentionDays int = 30

var suffix = uniqueString(resourceGroup().id, name)
var createMongo = empty(mongoConnectionString)
var useIdentityForBot = botAppType == 'UserAssignedMSI'
var keyVaultSecretsUser = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')
var port = 3978

resource logs 'Microsoft.OperationalInsights/workspaces@2022-10-01' = {
  name: '${name}-logs-${suffix}'
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: logRetentionDays
  }
}

// The bot's identity: reads the Key Vault secrets, and (UserAssignedMSI) is the bot's own app id.
resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${name}-id-${suffix}'
  location: location
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: take('${name}kv${suffix}', 24)
  location: location
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
  }
}

resource vaultReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identity.id, keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: keyVaultSecretsUser
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource mongoCluster 'Microsoft.DocumentDB/mongoClusters@2024-07-01' = if (createMongo) {
  name: '${name}-mongo-${suffix}'
  location: location
  properties: {
    administrator: {
      userName: mongoAdminUser
      password: mongoAdminPassword
    }
    serverVersion: '7.0'
    compute: { tier: mongoTier }
    storage: { sizeGb: mongoStorageGb }
    sharding: { shardCount: 1 }
    highAvailability: { targetMode: 'Disabled' }
    publicNetworkAccess: 'Enabled'
  }
}

// Connections from Azure services (the Container App) only.
resource mongoFirewall 'Microsoft.DocumentDB/mongoClusters/firewallRules@2024-07-01' = if (createMongo) {
  parent: mongoCluster
  name: 'AllowAllAzureServicesAndResourcesWithinAzureIps'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
}

var createdMongoUri = 'mongodb+srv://${uriComponent(mongoAdminUser)}:${uriComponent(mongoAdminPassword)}@${name}-mongo-${suffix}.mongocluster.cosmos.azure.com/?tls=true&authMechanism=SCRAM-SHA-256&retrywrites=false&maxIdleTimeMS=120000'

resource mongoUriSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'mongodb-uri'
  properties: { value: createMongo ? createdMongoUri : mongoConnectionString }
}

resource pseudonymSecretValue 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'pseudonym-secret'
  properties: { value: pseudonymSecret }
}

resource dataKeysValue 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'data-keys'
  properties: { value: dataKeys }
}

resource appPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!useIdentityForBot) {
  parent: vault
  name: 'microsoft-app-password'
  properties: { value: microsoftAppPassword }
}

resource directLineSecretValue 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(azureDirectLineSecret)) {
  parent: vault
  name: 'azure-directline-secret'
  properties: { value: azureDirectLineSecret }
}

resource smtpUrlSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(smtpUrl)) {
  parent: vault
  name: 'smtp-url'
  properties: { value: smtpUrl }
}

// One vault secret per partner webhook secret (PARTNER_FR_COORDINATOR_SECRET → partner-fr-coordinator-secret).
var partnerSecretList = items(partnerWebhookSecrets)
resource partnerSecretValues 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = [for secret in partnerSecretList: {
  parent: vault
  name: toLower(replace(secret.key, '_', '-'))
  properties: { value: secret.value }
}]

resource appEnvironment 'Microsoft.App/managedEnvironments@2024-03-01' = {
  name: '${name}-env-${suffix}'
  location: location
  properties: {
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: logs.properties.customerId
        sharedKey: logs.listKeys().primarySharedKey
      }
    }
  }
}

var appName = '${name}-app'
var appFqdn = '${appName}.${appEnvironment.properties.defaultDomain}'
var baseUrl = empty(publicBaseUrl) ? 'https://${appFqdn}' : publicBaseUrl

// Secrets the container reads, each a Key Vault reference resolved with the identity.
var vaultSecrets = concat(
  [
    { name: 'mongodb-uri', keyVaultUrl: mongoUriSecret.properties.secretUri, identity: identity.id }
    { name: 'pseudonym-secret', keyVaultUrl: pseudonymSecretValue.properties.secretUri, identity: identity.id }
    { name: 'data-keys', keyVaultUrl: dataKeysValue.properties.secretUri, identity: identity.id }
  ],
  useIdentityForBot ? [] : [{ name: 'microsoft-app-password', keyVaultUrl: appPasswordSecret.properties.secretUri, identity: identity.id }],
  empty(azureDirectLineSecret) ? [] : [{ name: 'azure-directline-secret', keyVaultUrl: directLineSecretValue.properties.secretUri, identity: identity.id }],
  empty(smtpUrl) ? [] : [{ name: 'smtp-url', keyVaultUrl: smtpUrlSecret.properties.secretUri, identity: identity.id }],
  [for (secret, i) in partnerSecretList: { name: toLower(replace(secret.key, '_', '-')), keyVaultUrl: partnerSecretValues[i].properties.secretUri, identity: identity.id }],
  empty(registryPassword) ? [] : [{ name: 'registry-password', value: registryPassword }]
)

// Every setting the code reads (.env.example documents them).
var settings = concat(
  [
    { name: 'NODE_ENV', value: 'production' }
    { name: 'PORT', value: string(port) }
    { name: 'HOST', value: '0.0.0.0' }
    { name: 'LOG_LEVEL', value: logLevel }
    { name: 'MONGODB_URI', secretRef: 'mongodb-uri' }
    { name: 'MONGODB_DB', value: mongoDatabase }
    // Unused with MongoDB (the SQLite file's folder); the replicas' disks do not last.
    { name: 'DATA_DIR', value: '/data' }
    { name: 'MicrosoftAppId', value: useIdentityForBot ? identity.properties.clientId : microsoftAppId }
    { name: 'MicrosoftAppType', value: botAppType }
    { name: 'MicrosoftAppTenantId', value: botAppType == 'MultiTenant' ? '' : tenant().tenantId }
    { name: 'PSEUDONYM_SECRET', secretRef: 'pseudonym-secret' }
    { name: 'DATA_KEYS', secretRef: 'data-keys' }
    // Several replicas: the local Direct Line serves one instance only; web chat goes through Azure's.
    { name: 'LOCAL_DIRECTLINE', value: 'off' }
    { name: 'DIRECTLINE_SECRET', value: '' }
    { name: 'AZURE_DIRECTLINE_ENDPOINT', value: azureDirectLineEndpoint }
    { name: 'PUBLIC_BASE_URL', value: baseUrl }
    { name: 'PROFILE_LINK_DAYS', value: string(profileLinkDays) }
    { name: 'CONSOLE_IDLE_MINUTES', value: '30' }
    { name: 'CONSOLE_SESSION_HOURS', value: '12' }
    // Container Apps serve HTTPS in front of the app: the console's cookie is Secure.
    { name: 'CONSOLE_SECURE_COOKIE', value: 'on' }
    { name: 'CONSOLE_SIGNIN_ATTEMPTS', value: '5' }
    { name: 'DATA_EXPORT_LINK_DAYS', value: '1' }
    { name: 'RETENTION_DAYS', value: '' }
    { name: 'TRANSIENT_KEEP_HOURS', value: '24' }
    { name: 'RETENTION_SWEEP_MINUTES', value: '60' }
    { name: 'DEFAULT_LOCALE', value: defaultLocale }
    { name: 'TIME_ZONE', value: timeZone }
    { name: 'HANDOFF_HOURS', value: handoffHours }
    { name: 'HANDOFF_TIME_ZONE', value: handoffTimeZone }
    { name: 'MAX_BODY_BYTES', value: '262144' }
    { name: 'SHUTDOWN_TIMEOUT_MS', value: '10000' }
    { name: 'CONTENT_DIR', value: './content' }
    { name: 'LOCALES_DIR', value: './locales' }
    { name: 'LEXICONS_DIR', value: './lexicons' }
    { name: 'SMTP_FROM', value: smtpFrom }
    { name: 'OUTBOX_POLL_MS', value: '1000' }
    { name: 'OUTBOX_MAX_ATTEMPTS', value: '8' }
    { name: 'OUTBOX_RETRY_BASE_MS', value: '5000' }
    { name: 'OUTBOX_RETRY_MAX_MS', value: '3600000' }
    { name: 'WEBHOOK_TIMEOUT_MS', value: '10000' }
  ],
  useIdentityForBot ? [] : [{ name: 'MicrosoftAppPassword', secretRef: 'microsoft-app-password' }],
  empty(azureDirectLineSecret) ? [] : [{ name: 'AZURE_DIRECTLINE_SECRET', secretRef: 'azure-directline-secret' }],
  empty(smtpUrl) ? [] : [{ name: 'SMTP_URL', secretRef: 'smtp-url' }],
  // Each partner's webhook secret, under the variable name content/partners.json gives it.
  [for secret in partnerSecretList: { name: secret.key, secretRef: toLower(replace(secret.key, '_', '-')) }]
)

resource app 'Microsoft.App/containerApps@2024-03-01' = {
  name: appName
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  dependsOn: [vaultReader]
  properties: {
    managedEnvironmentId: appEnvironment.id
    configuration: {
      activeRevisionsMode: 'Single'
      ingress: {
        external: true
        targetPort: port
        transport: 'auto'
        allowInsecure: false
      }
      secrets: vaultSecrets
      registries: empty(registryServer) ? [] : [
        empty(registryUsername)
          ? { server: registryServer, identity: identity.id }
          : { server: registryServer, username: registryUsername, passwordSecretRef: 'registry-password' }
      ]
    }
    template: {
      // SHUTDOWN_TIMEOUT_MS for turns in flight, plus the process's 5 s margin.
      terminationGracePeriodSeconds: 20
      containers: [
        {
          name: 'passerelle'
          image: containerImage
          resources: { cpu: json('0.5'), memory: '1Gi' }
          env: settings
          probes: [
            { type: 'Liveness', httpGet: { path: '/healthz', port: port }, periodSeconds: 30 }
            { type: 'Readiness', httpGet: { path: '/readyz', port: port }, periodSeconds: 10 }
            { type: 'Startup', httpGet: { path: '/healthz', port: port }, periodSeconds: 5, failureThreshold: 24 }
          ]
        }
      ]
      scale: {
        minReplicas: minReplicas
        maxReplicas: maxReplicas
        rules: [
          { name: 'http', http: { metadata: { concurrentRequests: '50' } } }
        ]
      }
    }
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${name}-bot-${suffix}'
  location: 'global'
  kind: 'azurebot'
  sku: { name: botSku }
  properties: {
    displayName: 'Passerelle'
    endpoint: 'https://${app.properties.configuration.ingress.fqdn}/api/messages'
    msaAppId: useIdentityForBot ? identity.properties.clientId : microsoftAppId
    msaAppType: botAppType
    msaAppTenantId: botAppType == 'MultiTenant' ? '' : tenant().tenantId
    msaAppMSIResourceId: useIdentityForBot ? identity.id : ''
  }
}

resource directLine 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'DirectLineChannel'
  location: 'global'
  properties: {
    channelName: 'DirectLineChannel'
    properties: {
      sites: [
        { siteName: 'Passerelle web chat', isEnabled: true, isV1Enabled: false, isV3Enabled: true, isSecureSiteEnabled: false }
      ]
    }
  }
}

resource webChat 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'WebChatChannel'
  location: 'global'
  properties: {
    channelName: 'WebChatChannel'
    properties: {
      sites: [
        { siteName: 'Default Site', isEnabled: true, isWebchatPreviewEnabled: true }
      ]
    }
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = if (enableTeams) {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: { isEnabled: true }
  }
}

@description('The bot\'s messaging endpoint.')
output messagingEndpoint string = bot.properties.endpoint

@description('Where people reach the server (the web chat page on "/" once azureDirectLineSecret is set).')
output publicUrl string = baseUrl

@description('The bot\'s app id (for the Teams manifest: deploy/teams/).')
output botAppId string = useIdentityForBot ? identity.properties.clientId : microsoftAppId

@description('Name of the Azure Bot resource (az bot ... --name).')
output botName string = bot.name

@description('Key Vault holding the secrets.')
output keyVaultName string = vault.name
