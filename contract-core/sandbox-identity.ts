// How this package's sandbox says what it is: a header on every answer, its own pages and errors included, so
// that any request tells (`verify --base-url` asks once, without a key, and then takes the sandbox's seeded IDs
// and the local pace by itself). A header rather than an endpoint of its own: it needs no route beside the
// API's, it shows in every `curl -i`, and a reverse proxy in front keeps it on whatever path it forwards.
export const SANDBOX_HEADER = 'x-payjp-v2-sandbox';
export const SANDBOX_HEADER_VALUE = 'payjp-v2-contract';

/** Whether an answer came from this package's sandbox. */
export const isSandboxAnswer = (headers: Headers): boolean => headers.get(SANDBOX_HEADER) === SANDBOX_HEADER_VALUE;
