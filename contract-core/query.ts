// The one rule for empty query parameters, shared by the mock and the sandbox. PAY.JP publishes nothing on
// it; our inference: `?limit=` gives no value, and taking it as absent would silently apply the default to
// a request that meant something else, so it is refused (422 validation_error naming the parameter), as a
// value of the wrong type is. The same holds for every parameter, documented or not.

/** The names of the query parameters given with an empty value (`?limit=`, `?limit`), each once. */
export function emptyQueryParameters(search: URLSearchParams): string[] {
  const names = new Set<string>();
  for (const [name, value] of search) if (value === '') names.add(name);
  return [...names];
}

export const EMPTY_VALUE_MESSAGE = 'must not be empty: give a value or leave the parameter out';
