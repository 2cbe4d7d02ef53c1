// payjp-v2-contract/sandbox: the stateful test-mode sandbox, for a test runner's global setup.
export { startSandbox, type Sandbox, type SandboxClockControl, type SandboxOptions } from '../sandbox/server.ts';
export type { WebhookEndpoint, WebhookOptions } from '../sandbox/webhooks/options.ts';
export type { ClockSource } from '../sandbox/state/clock.ts';
export type { ClockMove, ClockView } from '../sandbox/resources/time-travel.ts';
