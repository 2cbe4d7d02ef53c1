// A handler's answer as JSON, the last step of its unit: the objects of the unit whose JSON the store keeps (a
// file's rows; and those in an array directly in the answer: a list's page) as written back, rather than
// stringified once more (storage/database.ts, `settle`).
import type { Database } from '../storage/database.ts';

export function answerJson(db: Database, value: unknown): string {
  const rawOf = db.settle();
  return rawOf === undefined ? JSON.stringify(value) : json(value, rawOf, true);
}

function json(value: unknown, rawOf: (item: object) => string | undefined, top: boolean): string {
  const raw = typeof value === 'object' && value !== null ? rawOf(value) : undefined;
  if (raw !== undefined) return raw;
  if (Array.isArray(value)) return `[${value.map((item) => json(item, rawOf, false)).join(',')}]`;
  if (!top || typeof value !== 'object' || value === null) return JSON.stringify(value);
  const fields = Object.entries(value).filter(([, field]) => field !== undefined);
  return `{${fields.map(([key, field]) => `${JSON.stringify(key)}:${Array.isArray(field) ? json(field, rawOf, false) : JSON.stringify(field)}`).join(',')}}`;
}
