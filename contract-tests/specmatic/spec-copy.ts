// The copy of the bundle that Specmatic reads: the same contract, written around two ways Specmatic 2.55
// misreads OpenAPI 3.1 (the document is not at fault in either; contract-tests/README.md names them):
// - `security: [{bearerAuth: []}, {basicAuth: []}]` means either scheme (OpenAPI 3.1 §4.8.10), but Specmatic
//   asks every example for both ("Authorization header must be prefixed with Basic"): the copy says bearer;
// - an `anyOf` of required sets beside `properties` (a card's billing_details: `phone` or `email`) constrains
//   the object those properties describe (JSON Schema 2020-12 §10.2.1.2), but Specmatic takes each option as
//   the whole object and refuses the other properties ("Key 'name' is not declared in any anyOf option"):
//   the copy repeats the object's properties in each option, which keeps the meaning.

type Node = Record<string, unknown>;
const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The object's properties in each `anyOf`/`oneOf` option too, where the options only add `required` sets. */
function propertiesInOptions(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(propertiesInOptions);
  if (!isNode(node)) return node;
  const copy: Node = Object.fromEntries(Object.entries(node).map(([key, value]) => [key, propertiesInOptions(value)]));
  for (const keyword of ['anyOf', 'oneOf']) {
    const options = copy[keyword];
    if (!isNode(copy['properties']) || !Array.isArray(options) || !options.every((o) => isNode(o) && Array.isArray(o['required']))) continue;
    copy[keyword] = options.map((option: Node) => ({
      ...option,
      properties: { ...(copy['properties'] as Node), ...(isNode(option['properties']) ? option['properties'] : {}) },
    }));
  }
  return copy;
}

export function specmaticCopy(document: Node): Node {
  return { ...(propertiesInOptions(document) as Node), security: [{ bearerAuth: [] }] };
}
