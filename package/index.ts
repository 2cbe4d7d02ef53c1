// payjp-v2-contract: the error catalog, the typed client, the response validator and the generated types.
// The mock and the sandbox are imported from their own entry points (`/mock`, `/sandbox`), so that this one
// loads neither Prism nor a server.
export * from './errors.ts';
export { createPayjpClient, type OperationAt, type PathsWith, type PayjpClient, type PayjpClientOptions, type PayjpResult } from './client.ts';
export { validateResponse, type InfrastructureFailure, type ResponseHeaders, type ValidationResult, type Violation } from './validator.ts';
export type { components, operations, paths } from '../generated/api.d.ts';
