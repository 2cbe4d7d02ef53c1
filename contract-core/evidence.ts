// Where a rule of the contract comes from. Every rule the contract enforces carries one; the contract tests
// report a breach of a published or client fact as a violation and of an inferred one as a warning against a
// remote server. This module imports nothing, so that the build can use it before generated/ exists.

/** PAY.JP's published documents, the official client, PAY.JP's incident reports, or our inference. */
export const SOURCES = ['published', 'client', 'incident', 'inferred'] as const;
export type Source = (typeof SOURCES)[number];

/** Where a fact comes from; `reason` says why an inferred one is believed. */
export interface Evidence {
  source: Source;
  reason?: string;
}
