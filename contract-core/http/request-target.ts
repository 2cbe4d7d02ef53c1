// The request target of an HTTP/1.1 request line (RFC 9112 §3.2), read without throwing: the servers of this
// repository (sandbox, mock, docs) route by its path whatever form a client sends, and refuse what is not
// a request target at all with a reason instead of failing on it.

export type RequestTarget =
  /** origin-form (`/v2/customers?limit=1`) or absolute-form (`http://host/v2/customers?limit=1`). */
  | { form: 'path'; path: string; query: string }
  /** asterisk-form (`OPTIONS *`): a question about the server in general. */
  | { form: 'asterisk' }
  | { form: 'invalid'; reason: string };

const ABSOLUTE = /^(https?):\/\/([^/?#]*)(.*)$/i;

/**
 * Reads `target` as sent with `method`. An absolute-form target is routed by its path and query (a server
 * must accept it, RFC 9112 §3.2.2); its authority must be a host (RFC 9110 §4.2.1: an empty host is
 * invalid), without user info (§4.2.4). A fragment is not part of a request target; it is ignored.
 */
export function readTarget(method: string, target: string): RequestTarget {
  if (target === '*') {
    return method === 'OPTIONS' ? { form: 'asterisk' } : { form: 'invalid', reason: `The request target * is only for OPTIONS, not ${method}.` };
  }
  if (target.startsWith('/')) return pathOf(target);
  const absolute = ABSOLUTE.exec(target);
  if (!absolute) return { form: 'invalid', reason: `The request target ${target} is neither a path nor an http(s) URL.` };
  const [, scheme = '', authority = '', rest = ''] = absolute;
  if (authority.includes('@')) return { form: 'invalid', reason: `The request target ${target} carries user information; send credentials in Authorization.` };
  if (!isHost(scheme, authority)) return { form: 'invalid', reason: `The request target ${target} does not name a valid host.` };
  return pathOf(rest.startsWith('/') ? rest : `/${rest}`);
}

function pathOf(target: string): RequestTarget {
  const hash = target.indexOf('#');
  const reference = hash < 0 ? target : target.slice(0, hash);
  const mark = reference.indexOf('?');
  return mark < 0 ? { form: 'path', path: reference, query: '' } : { form: 'path', path: reference.slice(0, mark), query: reference.slice(mark + 1) };
}

/** Whether `authority` is a non-empty host with an optional valid port, as the WHATWG URL parser reads it. */
function isHost(scheme: string, authority: string): boolean {
  if (authority === '') return false;
  try {
    return new URL(`${scheme}://${authority}/`).hostname !== '';
  } catch {
    return false;
  }
}
