// Every request the spec's examples make, sent to a fresh sandbox, gets the answer it is named after: the
// request of a success example answers 2xx, one named by an error code answers that code. This is what an
// example-driven tool (Specmatic pairs request and response examples by name) checks; the objects come from
// the seed (contract-core/example-objects.ts). Each request gets a sandbox of its own, so that no example
// depends on another one having run before it.
import { describe, expect, it } from 'vitest';
import { deref, loadContract, type Json, type JsonObject } from '../contract-core/contract.ts';
import { ERROR_CATALOG, isErrorCode } from '../generated/error-catalog.ts';
import { sandboxClient } from './test-support.ts';

interface ExampleRequest {
  operationId: string;
  name: string;
  method: string;
  path: string;
  body: Json | undefined;
}

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);
const named = (node: JsonObject, name: string): Json | undefined => {
  const examples = isObject(node['examples']) ? node['examples'] : {};
  return examples[name] === undefined ? undefined : deref(loadContract().document, examples[name])['value'];
};

/** Each operation's requests by example name: those of its success examples, and those named by a code it answers. */
function exampleRequests(): ExampleRequest[] {
  const { document, operations } = loadContract();
  return operations.flatMap((op) => {
    const item = (document['paths'] as JsonObject)[op.template] as JsonObject;
    const raw = item[op.method] as JsonObject;
    const parameters = [...(Array.isArray(item['parameters']) ? item['parameters'] : []), ...(Array.isArray(raw['parameters']) ? raw['parameters'] : [])].map(
      (p) => deref(document, p),
    );
    const media = op.requestBody ? ((deref(document, raw['requestBody']!)['content'] as JsonObject)['application/json'] as JsonObject) : undefined;
    const answers = (statuses: (status: string) => boolean) =>
      [...op.responses.values()].filter((r) => statuses(r.status)).flatMap((r) => [...r.content.values()].flatMap((m) => [...m.examples.keys()]));
    const successes = answers((status) => status.startsWith('2'));
    const errors = new Set(answers((status) => !status.startsWith('2')));
    const requested = new Set([...parameters, ...(media ? [media] : [])].flatMap((node) => Object.keys(isObject(node['examples']) ? node['examples'] : {})));
    return [...successes, ...[...requested].filter((name) => errors.has(name))].map((name) => {
      const value = (p: JsonObject): Json | undefined => named(p, name) ?? (p['in'] === 'path' ? p['example'] : undefined);
      const path = op.template.replace(/\{([^}]+)\}/g, (_, param: string) => String(value(parameters.find((p) => p['name'] === param)!)));
      const query = new URLSearchParams(
        parameters.filter((p) => p['in'] === 'query' && value(p) !== undefined).map((p) => [String(p['name']), String(value(p))]),
      );
      return {
        operationId: op.operationId,
        name,
        method: op.method.toUpperCase(),
        path: `${path}${query.size > 0 ? `?${query}` : ''}`,
        body: media ? named(media, name) : undefined,
      };
    });
  });
}

const requests = exampleRequests();

describe("the spec's example requests against a fresh sandbox", () => {
  it('cover every operation', () => {
    expect(new Set(requests.map((r) => r.operationId)).size).toBe(loadContract().operations.length);
  });

  it.each(requests.map((r) => [`${r.operationId} ${r.name}`, r] as const))('%s', async (_, request) => {
    const client = await sandboxClient();
    try {
      const answer = await client.call(request.method, request.path, request.body === undefined ? {} : { body: request.body });
      if (isErrorCode(request.name)) {
        expect({ status: answer.status, code: answer.body.code }, `${request.method} ${request.path}: ${JSON.stringify(answer.body)}`).toEqual({
          status: ERROR_CATALOG[request.name].status,
          code: request.name,
        });
      } else {
        expect(answer.status, `${request.method} ${request.path}: ${JSON.stringify(answer.body)}`).toBe(200);
      }
    } finally {
      await client.close();
    }
  });
});
