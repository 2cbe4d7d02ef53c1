// What a check reports. A change is what a rule sees; a finding is a change with its severity from
// diff/severities.yaml and, when it is acknowledged, the reviewed reason.
export const SEVERITIES = ['breaking', 'potentially-breaking', 'safe'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Where a docs link of the change points: an operation of the reference or a code of the error catalog. */
export type Anchor = { operation: { tag: string; operationId: string } } | { code: string; slug: string };

export interface Change {
  /** Stable check ID: ours are bare (`error-code-removed`), oasdiff's are prefixed (`oasdiff:api-path-removed-without-deprecation`). */
  check: string;
  /** operationId (or `METHOD /path`), `webhook <name>`, or null for what belongs to no operation (the catalog). */
  operation: string | null;
  /** JSON pointer, in the head version, or in the base one for what was removed; `$ref`s followed. */
  pointer: string;
  /** Which document the pointer addresses: the bundle, or the catalog as the build reads it (`/codes/<code>/retry`). */
  document: 'bundle' | 'catalog';
  /** What the change is about when the pointer alone does not tell it apart (oasdiff's subject). */
  subject?: string;
  /** One line: what changed and why it matters to a client. */
  message: string;
  anchor?: Anchor;
}

export interface Finding extends Change {
  severity: Severity;
  /** The reason given in openapi/breaking-changes.yaml, when the finding is acknowledged. */
  acknowledged?: string;
}
