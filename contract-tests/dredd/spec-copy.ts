// The copy of the bundle that Dredd reads. Dredd 14 takes a URI parameter's value only from its bare `example`
// (or `default`): "Required URI parameter 'payment_flow_id' has no example or default value", and no
// transaction is run. The bundle's ID parameters are shared components with named examples, one object per
// answer (openapi/README.md); the copy writes each operation's parameters inline, with the bare example of the
// operation's success (the one contract-core reads for it) and without the named ones. A list's cursors get
// none: Dredd sends every example of a request at once, and the filters' examples (a closed term, fixed
// dates) leave the object of the list's cursor example out of the filtered list (400 resource_missing).
import { deref, type Contract, type Json, type JsonObject } from '../../contract-core/contract.ts';

/** The query parameters that page a list: their example is an object of the whole list. */
const CURSORS = new Set(['starting_after', 'ending_before']);

export function dreddCopy({ document, operations }: Contract): JsonObject {
  const copy = structuredClone(document);
  const paths = copy['paths'] as Record<string, JsonObject>;
  for (const op of operations) {
    const item = paths[op.template]!;
    const raw = item[op.method] as JsonObject;
    const declared = [...(Array.isArray(item['parameters']) ? item['parameters'] : []), ...(Array.isArray(raw['parameters']) ? raw['parameters'] : [])];
    raw['parameters'] = declared.map((node): Json => {
      const { examples: _named, example: _bare, ...parameter } = deref(document, node);
      const cursor = parameter['in'] === 'query' && CURSORS.has(String(parameter['name']));
      const example = cursor ? undefined : op.parameters.find((p) => p.name === parameter['name'] && p.in === parameter['in'])?.example;
      return example === undefined ? parameter : { ...parameter, example };
    });
  }
  for (const item of Object.values(paths)) delete item['parameters'];
  return copy;
}
