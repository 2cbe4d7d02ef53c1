// The `Prefer` header a mock client sends to pick an answer (`example=card_declined`, `code=429`), checked
// against the operation before Prism sees it: a name or a status the operation does not document, or an
// example and a status that disagree, is the client's mistake (400 invalid_request) and the detail names
// what the operation does have. Prism would answer such a request 500 or "Requested status code 402 is not
// defined in the document".
import type { Operation } from './operations.ts';

/** What `Prefer` asks for: Prism's own preferences (RFC 7240 `name=value` pairs, comma-separated). */
export function readPrefer(prefer: string): { code?: string; example?: string } {
  const wanted: { code?: string; example?: string } = {};
  for (const part of prefer.split(/[,;]/)) {
    const [name = '', value = ''] = part.split('=').map((text) => text.trim().replace(/^"(.*)"$/, '$1'));
    if (name.toLowerCase() === 'code' || name.toLowerCase() === 'example') wanted[name.toLowerCase() as 'code' | 'example'] = value;
  }
  return wanted;
}

/** The operation's named examples by status, in the bundle's order. */
function examplesOf(operation: Operation): Map<string, string[]> {
  const byStatus = new Map<string, string[]>();
  for (const [status, response] of operation.responses) {
    const names = [...response.content.values()].flatMap((media) => [...media.examples.keys()]);
    byStatus.set(status, [...new Set(names)]);
  }
  return byStatus;
}

/** Error examples are named `problem.<code>` in the bundle; clients ask for them by the code alone. */
const spoken = (name: string): string => name.replace(/^problem\./, '');

/**
 * Why the operation cannot answer what `Prefer` asks, or undefined; and the status to ask Prism for when only
 * an example is named (Prism looks for a named example only under the status it is asked for).
 */
export function checkPrefer(operation: Operation, prefer: string): { refusal: string } | { code: string | undefined } {
  const { code, example } = readPrefer(prefer);
  const examples = examplesOf(operation);
  const statuses = [...examples.keys()];
  const listing = () =>
    [...examples]
      .filter(([, names]) => names.length > 0)
      .map(([status, names]) => `${status}: ${names.map(spoken).join(', ')}`)
      .join('; ');
  if (code !== undefined && !examples.has(code))
    return { refusal: `Prefer: code=${code}: ${operation.operationId} answers ${statuses.join(', ')}, not ${code}.` };
  if (example === undefined) return { code };
  const under = statuses.filter((status) => examples.get(status)!.some((name) => spoken(name) === example || name === example));
  if (under.length === 0) return { refusal: `Prefer: example=${example}: ${operation.operationId} has no example of that name. Its examples: ${listing()}.` };
  if (code !== undefined && !under.includes(code))
    return {
      refusal: `Prefer: code=${code} and example=${example} disagree: ${example} is an example of ${under.join(', ')} in ${operation.operationId}. Ask for one of them.`,
    };
  return { code: code ?? under[0] };
}
