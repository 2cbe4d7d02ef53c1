// The committed records (records/<generation>.json): where each lives, which is newest, reading one.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compareVersions } from './extract/merge.ts';
import type { LedgerRecord } from './record.ts';

/**
 * The generation the contract follows: its comparison must hold (nothing but its listed deviations). A newer
 * record is compared too, its differences the work still to do; once the contract follows it, this names it.
 */
export const FOLLOWED = '1.1.0';

export const RECORDS_DIR = fileURLToPath(new URL('./records/', import.meta.url));

export const recordFile = (generation: string): string => `${RECORDS_DIR}${generation}.json`;

/** The generations recorded, oldest first. */
export function generations(): string[] {
  return readdirSync(RECORDS_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort(compareVersions);
}

export function readRecord(generation: string): LedgerRecord {
  return JSON.parse(readFileSync(recordFile(generation), 'utf8')) as LedgerRecord;
}
