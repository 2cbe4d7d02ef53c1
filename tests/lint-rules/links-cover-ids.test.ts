// contract/links-cover-ids on small documents: a creation's success response links every operation that
// takes the ID it creates, and a missing link is reported at that response, naming both operations.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getLineColLocation, lint } from '@redocly/openapi-core';
import { afterAll, describe, expect, it } from 'vitest';
import { loadRedoclyConfig } from '../../scripts/lib/build-spec.ts';
import { CREATED_ID, missingLinks } from '../../scripts/lib/lint-rules/links-cover-ids.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const ok = { '200': { description: 'ok' } };
/** A document with a collection, its creation (with `links`), a read and an action on one of its objects. */
function document(links: Record<string, unknown>): string {
  return JSON.stringify(
    {
      openapi: '3.1.0',
      info: { title: 'things', version: '1' },
      paths: {
        '/v2/things': { post: { operationId: 'createThing', responses: { '200': { description: 'created', links } } } },
        '/v2/things/{thing_id}': {
          parameters: [{ name: 'thing_id', in: 'path', required: true, schema: { type: 'string' } }],
          get: { operationId: 'getThing', responses: ok },
        },
        '/v2/things/{thing_id}/act': {
          parameters: [{ name: 'thing_id', in: 'path', required: true, schema: { type: 'string' } }],
          post: { operationId: 'actOnThing', responses: ok },
        },
      },
    },
    null,
    2,
  );
}

async function problemsOf(text: string) {
  const dir = mkdtempSync(join(tmpdir(), 'contract-links-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'openapi.json'), text);
  const config = await loadRedoclyConfig();
  const problems = await lint({ ref: join(dir, 'openapi.json'), config: config.forAlias('source') });
  return problems.filter((p) => p.ruleId === 'contract/links-cover-ids');
}

const link = (operationId: string) => ({ operationId, parameters: { thing_id: CREATED_ID } });

describe('contract/links-cover-ids', { timeout: 60_000 }, () => {
  it('accepts a creation that links every operation taking its ID', async () => {
    expect(await problemsOf(document({ GetThing: link('getThing'), ActOnThing: link('actOnThing') }))).toEqual([]);
  });

  it("reports a missing link at the creation's success response, naming both operations and the parameter", async () => {
    const text = document({ GetThing: link('getThing') });
    const problems = await problemsOf(text);
    expect(problems.map((p) => p.message)).toEqual([
      `createThing creates the thing_id that actOnThing takes: its success response needs a link {operationId: actOnThing, parameters: {thing_id: '${CREATED_ID}'}}`,
    ]);
    const line = text.split('\n').findIndex((l) => l.includes('"200": {')) + 1;
    expect(getLineColLocation(problems[0]!.location[0]!).start.line).toBe(line);
  });

  it('takes a link that hands over something else than the created ID as missing', async () => {
    const wrong = { operationId: 'getThing', parameters: { thing_id: '$request.path.thing_id' } };
    const problems = await problemsOf(document({ GetThing: wrong, ActOnThing: link('actOnThing') }));
    expect(problems.map((p) => p.message)).toEqual([expect.stringContaining('the thing_id that getThing takes')]);
  });
});

describe('missingLinks', () => {
  it('asks nothing of an ID no operation creates (a v1 card, a balance)', () => {
    const read = { operationId: 'getBalance', method: 'get', template: '/v2/balances/{balance_id}', links: [] };
    const act = { operationId: 'createBalanceUrl', method: 'post', template: '/v2/balances/{balance_id}/balance_urls', links: [] };
    expect(missingLinks([read, act])).toEqual([]);
  });
});
