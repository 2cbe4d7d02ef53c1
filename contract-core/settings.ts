// The numbers a server reads at start-up (its port, its delays), checked there: a bad value ends the start
// with one line naming the variable or option, not a stack trace, nor a timer that silently fires at once.

/** The longest delay a Node timer holds (2^31 − 1 ms, about 24.8 days): a longer one fires after 1 ms. */
export const MAX_TIMER_MS = 2_147_483_647;

/** A setting that cannot be used; its message names it and is the whole line printed. */
export class SettingError extends Error {}

/** `PORT` and the like: digits, 0 to 65535 (0 picks a free port); the fallback when unset or empty. */
export function portFrom(raw: string | undefined, name: string, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d{1,5}$/.test(raw) || Number(raw) > 65_535) throw new SettingError(`${name} must be a port number from 0 to 65535 (got ${JSON.stringify(raw)})`);
  return Number(raw);
}

/** Whether a delay in ms is one a timer keeps: from `min` (0, or above 0 when `positive`) to MAX_TIMER_MS. */
export const isTimerMs = (value: number, positive = false): boolean => (positive ? value > 0 : value >= 0) && value <= MAX_TIMER_MS;

/** What a delay must be, for the message that refuses one. */
export const timerMsWhat = (positive = false): string =>
  `a number of milliseconds ${positive ? '> 0' : '>= 0'} and at most ${MAX_TIMER_MS} (what a timer holds)`;

/**
 * Runs a server's start: a SettingError is printed as its one line and the process exits 2 (a usage error);
 * anything else is thrown on.
 */
export async function startOrExit<T>(start: () => T | Promise<T>): Promise<T> {
  try {
    return await start();
  } catch (error) {
    if (!(error instanceof SettingError)) throw error;
    console.error(error.message);
    process.exit(2);
  }
}
