export { DIRECTLINE_OWNER_LEASE, LocalDirectLine, LocalDirectLineInUseError, type LocalDirectLineDeps } from './localDirectLine';
export { LocalConnectorAuth, LocalConnectorCredentialsFactory, LOCAL_CONNECTOR_PATH } from './localConnectorCredentials';
export { DirectLineConversationStore, DirectLineConversationNotFoundError, activityIdOf, type DirectLineActivity, type DirectLineConversation, type ActivitySet } from './directLineConversationStore';
export { DirectLineTokenIssuer, DirectLineTokenError, bearerToken, type DirectLineTokenClaims } from './directLineToken';
export { DIRECTLINE_CHANNEL_ID, DIRECTLINE_PATH } from './directLineRoutes';
