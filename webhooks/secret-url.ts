// Where a secret (an API key, a webhook token) may be sent: https anywhere, plain http only to this machine,
// where nobody on the way can read it. Shared by every tool of this folder that sends one.

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Whether `url` may carry a secret: https, or http to a loopback host (localhost, 127.0.0.0/8, [::1]). */
export const maySendSecretTo = (url: URL): boolean =>
  url.protocol === 'https:' || (url.protocol === 'http:' && (LOOPBACK_NAMES.has(url.hostname) || /^127\.\d+\.\d+\.\d+$/.test(url.hostname)));
