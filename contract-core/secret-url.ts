// Where a secret (an API key, a webhook token) may be sent: https anywhere, plain http only to this machine,
// where nobody on the way can read it. The one rule of every tool that sends one (verify's key, trigger's key,
// webhooks-check's token, the sandbox's webhook token), applied before anything is sent.

import { SettingError } from './settings.ts';

/** The loopback hosts by name: `localhost`, 127.0.0.0/8 and [::1]. Never 0.0.0.0, which is no destination. */
const LOOPBACK_NAMES = new Set(['localhost', '[::1]']);
const LOOPBACK_V4 = /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

/** Whether `url` may carry a secret: https, or http to a loopback host (localhost, 127.0.0.0/8, [::1]). */
export const maySendSecretTo = (url: URL): boolean =>
  url.protocol === 'https:' || (url.protocol === 'http:' && (LOOPBACK_NAMES.has(url.hostname) || LOOPBACK_V4.test(url.hostname)));

/**
 * `raw` as a URL a secret may be sent to, or a SettingError (one line, exit 2 at a server's start) naming `name` (the flag or variable) and `secret` (what
 * would go with each request). A URL holding a user name or password is refused without being quoted.
 */
export function secretUrl(raw: string, name: string, secret: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new SettingError(`${name} is not a URL (got ${JSON.stringify(raw.slice(0, 200))})`);
  }
  if (url.username !== '' || url.password !== '') throw new SettingError(`${name} must not carry a user name or password (the URL is not shown)`);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new SettingError(`${name} must be an http or https URL (got ${JSON.stringify(shown(url))})`);
  if (!maySendSecretTo(url))
    throw new SettingError(
      `${name} must be https, or http on this machine (127.0.0.1, localhost, [::1]): ${secret} is sent with every request (got ${JSON.stringify(shown(url))})`,
    );
  return url;
}

/** A URL as shown in messages, logs and pages: no user or password, and its query string (which may hold a secret) as `?…`. */
const shown = (url: URL): string => `${url.protocol}//${url.host}${url.pathname}${url.search === '' ? '' : '?…'}`;

/** `shown` for a URL given as text. */
export const shownUrl = (raw: string): string => {
  try {
    return shown(new URL(raw));
  } catch {
    return '(not a URL)';
  }
};
