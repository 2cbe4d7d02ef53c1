import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../rules/index.ts';
import { oasdiffChecks } from './oasdiff.ts';
import { loadSeverities, SEVERITIES_FILE } from './severities.ts';

const edited = (edit: (text: string) => string): string => {
  const file = join(mkdtempSync(join(tmpdir(), 'payjp-diff-sev-')), 'severities.yaml');
  writeFileSync(file, edit(readFileSync(SEVERITIES_FILE, 'utf8')));
  return file;
};

describe('diff/severities.yaml', () => {
  const severities = loadSeverities(CHECKS);

  it('gives every check of our rules a severity', () => {
    for (const check of CHECKS) expect(severities.ofCheck(check), check).toMatch(/^(breaking|potentially-breaking|safe)$/);
    expect(severities.ofCheck('error-code-removed')).toBe('breaking');
  });

  it("maps oasdiff's levels, and its own overrides name checks oasdiff has", async () => {
    expect(severities.ofOasdiff({ id: 'api-path-removed-without-deprecation', level: 3 })).toBe('breaking');
    expect(severities.ofOasdiff({ id: 'response-property-enum-value-added', level: 2 })).toBe('potentially-breaking');
    expect(severities.ofOasdiff({ id: 'api-global-security-removed', level: 1 })).toBe('breaking');
    const known = new Set(await oasdiffChecks());
    for (const id of severities.oasdiffOverrides) expect(known, id).toContain(id);
  });

  it('refuses a check without severity, an unknown check, an unknown severity', () => {
    expect(() =>
      loadSeverities(
        CHECKS,
        edited((t) => t.replace(/^ {2}webhook-added: safe\n/m, '')),
      ),
    ).toThrow(/no severity for webhook-added/);
    expect(() =>
      loadSeverities(
        CHECKS,
        edited((t) => t.replace('contract:\n', 'contract:\n  made-up-check: safe\n')),
      ),
    ).toThrow(/severities\.yaml:\d+: no rule reports 'made-up-check'/);
    expect(() =>
      loadSeverities(
        CHECKS,
        edited((t) => t.replace('error-code-removed: breaking', 'error-code-removed: fatal')),
      ),
    ).toThrow(/severities\.yaml:\d+: error-code-removed must be one of breaking, potentially-breaking, safe/);
  });
});
