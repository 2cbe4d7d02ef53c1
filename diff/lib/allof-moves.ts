// oasdiff compares `allOf` members by position, so a field that moves from one member to another (the list
// envelope's `data` made typed, in this repository's history) comes out as "removed" plus "became required". Such
// a change is checked against the merged view of the response (allOf members merged, lib/fields.ts): when the field
// is there as before, nothing changed for a client and the change is dropped.
import { fieldsOf, type Field } from './fields.ts';
import { objectAt, type JsonObject } from './json.ts';
import { statusOf, type OasdiffChange } from './oasdiff.ts';

/** What each change claims about the field in the merged view, to be refuted. */
const CLAIMS: Record<string, (before: Field | undefined, after: Field | undefined) => boolean> = {
  'response-required-property-removed': (_, after) => after?.required === true,
  'response-optional-property-removed': (_, after) => after !== undefined,
  'response-property-became-optional': (_, after) => after?.required === true,
  'response-property-became-required': (before) => before?.required === true,
  'response-required-property-added': (before) => before?.required === true,
  'response-optional-property-added': (before) => before !== undefined,
};

const responseSchema = (document: JsonObject, change: OasdiffChange, status: string): unknown => {
  const operation = objectAt(document, objectAt(document, objectAt(document, document['paths'])[change.path ?? ''])[change.operation?.toLowerCase() ?? '']);
  const response = objectAt(document, objectAt(document, operation['responses'])[status]);
  return objectAt(document, objectAt(document, response['content'])['application/json'])['schema'];
};

/** Field names a property path of oasdiff may mean: `allOf[subschema #2]/data/items/id` → `data[].id` (or
 * `data.items.id` when `items` is a property, as Statement's is). */
function candidates(property: string): string[] {
  const segments = property
    .replace(/\b(?:allOf|oneOf|anyOf)\[[^\]]*\]\/?/g, '')
    .split('/')
    .filter(Boolean);
  return segments.reduce<string[]>(
    (names, segment) => names.flatMap((name) => [name === '' ? segment : `${name}.${segment}`, ...(segment === 'items' && name !== '' ? [`${name}[]`] : [])]),
    [''],
  );
}

export function isAllOfMove(change: OasdiffChange, base: JsonObject, head: JsonObject): boolean {
  const claim = CLAIMS[change.id ?? ''];
  const status = statusOf(change);
  const property = /property `([^`]+)`/.exec(change.text ?? '')?.[1];
  if (!claim || status === null || !property) return false;
  const before = fieldsOf(base, responseSchema(base, change, String(status)));
  const after = fieldsOf(head, responseSchema(head, change, String(status)));
  const name = candidates(property).find((candidate) => before.has(candidate) || after.has(candidate));
  return name !== undefined && claim(before.get(name), after.get(name));
}
