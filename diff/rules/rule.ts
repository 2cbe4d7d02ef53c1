// A rule of our own: what only this contract knows, compared between two versions.
import type { Change } from '../lib/finding.ts';
import type { Version } from '../lib/version.ts';

export interface Rule {
  /** The check IDs it can report; each has a severity in diff/severities.yaml. */
  checks: readonly string[];
  run(base: Version, head: Version): Change[];
}
