// The gate `npm test` runs (npm run diff: the release baseline against the working tree), on a temporary copy of
// the checkout with one edit of the spec, as an author would make it: the real openapi/ is never touched.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../scripts/lib/paths.ts';
import { ACKNOWLEDGEMENTS_FILE } from './lib/acknowledgements.ts';
import { BUILD_INPUTS } from './lib/load-version.ts';

const run = promisify(execFile);
const CONFIRM = 'openapi/paths/payment_flows/payment_flows@{payment_flow_id}@confirm.yaml';
const POINTER = '/paths/~1v2~1payment_flows~1{payment_flow_id}~1confirm/post/responses/402/content/application~1problem+json/examples/card_declined';

/** `npm run diff -- --head <checkout>`: exit code and output. */
async function diff(checkout: string, base: string[] = []): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await run(process.execPath, [join(ROOT, 'diff/cli.ts'), ...base, '--head', checkout, '--reports', join(checkout, 'reports')], {
      cwd: ROOT,
    });
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    if (failed.code !== 1) throw new Error(`diff exited ${failed.code}: ${failed.stderr}`);
    return { code: failed.code, stdout: failed.stdout };
  }
}

describe('the gate: card_declined dropped from confirmPaymentFlow', () => {
  const checkout = mkdtempSync(join(tmpdir(), 'payjp-diff-gate-'));
  const acknowledge = (entries: string): void =>
    writeFileSync(join(checkout, ACKNOWLEDGEMENTS_FILE), entries ? `acknowledged:\n${entries}` : 'acknowledged: []\n');
  let failed: { code: number; stdout: string };

  beforeAll(async () => {
    for (const part of BUILD_INPUTS) cpSync(join(ROOT, part), join(checkout, part), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(checkout, 'node_modules'), 'dir');
    const file = join(checkout, CONFIRM);
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/\n {4}- card_declined(: "[^"\n]*")?\n/);
    // Against the working tree as it is (not the released baseline), so that this edit is the only change.
    writeFileSync(file, text.replace(/\n {4}- card_declined(: "[^"\n]*")?\n/, '\n'));
    acknowledge('');
    failed = await diff(checkout, ['--base', ROOT]);
  });

  it('fails, naming the operation, the status, the code and how to acknowledge it', () => {
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain('✗ confirmPaymentFlow: 402 card_declined removed');
    expect(failed.stdout).toContain(`not acknowledged; if it is intended, add under \`acknowledged:\` in ${ACKNOWLEDGEMENTS_FILE}:`);
    expect(failed.stdout).toContain(`- check: error-code-removed\n          operation: "confirmPaymentFlow"\n          pointer: "${POINTER}"`);
    expect(failed.stdout).toMatch(/1 breaking \(1 not acknowledged\), 0 potentially breaking, 0 safe: FAIL\n/);
    expect(readFileSync(join(checkout, 'reports/diff-junit.xml'), 'utf8')).toContain('failures="1"');
  });

  it('passes once the finding is acknowledged in the spec, and fails again on an acknowledgement that matches nothing', async () => {
    // Against the released baseline, where stale acknowledgements are caught: the tree's own entries stay.
    const own = readFileSync(join(ROOT, ACKNOWLEDGEMENTS_FILE), 'utf8').split('acknowledged:\n')[1] ?? '';
    const entry = `${own}  - check: error-code-removed\n    operation: confirmPaymentFlow\n    pointer: "${POINTER}"\n    reason: PAY.JP no longer declines at confirmation (test)\n`;
    acknowledge(entry);
    const passed = await diff(checkout);
    expect(passed.code).toBe(0);
    expect(passed.stdout).toContain('acknowledged: PAY.JP no longer declines at confirmation (test)');
    acknowledge(`${entry}  - check: webhook-removed\n    operation: webhook refund.created\n    pointer: /webhooks/refund.created\n    reason: stale\n`);
    const stale = await diff(checkout);
    expect(stale.code).toBe(1);
    const staleLine = `acknowledged:\n${entry}`.split('\n').length;
    expect(stale.stdout).toContain(`✗ ${ACKNOWLEDGEMENTS_FILE}:${staleLine}: webhook-removed webhook refund.created /webhooks/refund.created`);
  });
});
