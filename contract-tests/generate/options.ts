// The settings of `verify --generate`, read from their flags or variables: cases per operation, the seed, the
// request budget and a failure to replay. A wrong value is an error naming where it came from.
import type { GenerateOptions } from './property.ts';

export interface GenerateSettings {
  generate: string | undefined;
  seed: string | undefined;
  budget: string | undefined;
  replay: string | undefined;
}

/** Where each setting came from, for messages (`--generate`, `CONTRACT_GENERATE`). */
export const GENERATE_SOURCES = {
  generate: 'CONTRACT_GENERATE',
  seed: 'CONTRACT_SEED',
  budget: 'CONTRACT_GENERATE_BUDGET',
  replay: 'CONTRACT_REPLAY',
} as const;

/** The default seed: fixed, so that two runs without one send the same requests. */
export const DEFAULT_SEED = 27;
/** Requests per generated case, shrinking and chains included, when no budget is given. */
const REQUESTS_PER_CASE = 6;

const whole = (text: string, source: string, min: number): number => {
  if (!/^\s*\d+\s*$/.test(text) || Number(text) < min) throw new Error(`${source} must be a whole number of at least ${min} (got '${text}')`);
  return Number(text);
};

/** The generated run's options, or undefined when `generate` is not given. */
export function readGenerateOptions(settings: GenerateSettings, operations: number, sources = GENERATE_SOURCES): GenerateOptions | undefined {
  if (settings.generate === undefined || settings.generate === '') return undefined;
  const cases = whole(settings.generate, sources.generate, 1);
  const seed = settings.seed ? whole(settings.seed, sources.seed, 0) : DEFAULT_SEED;
  const maxRequests = settings.budget ? whole(settings.budget, sources.budget, 1) : cases * operations * REQUESTS_PER_CASE;
  let replay: GenerateOptions['replay'];
  if (settings.replay) {
    const match = /^(generated\/[A-Za-z]+\/[a-z]+)@(\d+(?::\d+)*)$/.exec(settings.replay.trim());
    if (!match) throw new Error(`${sources.replay} must be <property ID>@<path> as a failure's replay line prints it (got '${settings.replay}')`);
    replay = { id: match[1]!, path: match[2]! };
  }
  return { cases, seed, maxRequests, ...(replay ? { replay } : {}) };
}
