export type { ApiClient, Scope } from './api-keys.ts';
export { DEFAULT_SCOPES, generateApiKey, hashApiKey, isClientName, isScope, SCOPES } from './api-keys.ts';
