// The shape of a ledger record: the facts one official SDK generation states, as read from its repositories.
// A record is data (records/<generation>.json); every fact names the SDK languages that state it.

/** The SDK languages the extractor reads. */
export const LANGS = ['php', 'python'] as const;
export type Lang = (typeof LANGS)[number];

/** Where a record's facts came from: one fetched repository at one tag. */
export interface Source {
  lang: Lang;
  repository: string;
  tag: string;
  commit: string;
  /** The commit's date (ISO 8601, as git gives it). */
  date: string;
}

/** A type as the SDK states it, without the generator's language: a model is named, never inlined. */
export type TypeRef =
  | { type: 'string'; format?: string }
  | { type: 'integer' | 'number' | 'boolean' | 'object' | 'any' }
  | { type: 'array'; items: TypeRef }
  | { type: 'model'; model: string };

/** Constraints a value must meet, as JSON Schema names them. */
export interface Bounds {
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
}
export const BOUND_NAMES = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength', 'minItems', 'maxItems', 'pattern'] as const;

export interface FieldFacts extends Bounds {
  /** The name on the wire (snake_case). */
  name: string;
  type: TypeRef;
  required: boolean;
  nullable: boolean;
  /** Allowed values stated on the field itself (an enum model's values are on the model). */
  enum?: string[];
}

/**
 * An object model, or an enum's values. A union (`oneOf`) is one of its variants, told apart by the
 * `discriminator` field; its own fields are the generator's merge of the variants' (all of them, each required
 * if any variant requires it), so the variants, not those fields, state the facts.
 */
export type ModelFacts =
  | { kind: 'object'; fields: FieldFacts[]; oneOf?: string[]; discriminator?: string; from: Lang[] }
  | { kind: 'enum'; values: string[]; from: Lang[] };

export interface QueryFacts extends Bounds {
  name: string;
  type: TypeRef;
  required: boolean;
  from: Lang[];
}

export interface StatusFacts {
  /** The model of the answer's body. */
  model?: string;
  /** Error titles the SDK gives the status on this operation (none for a success). */
  titles: string[];
  from: Lang[];
  /** The languages that give the titles. */
  titlesFrom: Lang[];
}

export interface OperationFacts {
  method: string;
  path: string;
  /** The model of the JSON request body, when there is one (each status names its answer's). */
  requestModel?: string;
  query: QueryFacts[];
  statuses: Record<string, StatusFacts>;
  from: Lang[];
}

export interface LedgerRecord {
  /** The SDK version of the newest source (the generation the record stands for). */
  generation: string;
  sources: Source[];
  operations: Record<string, OperationFacts>;
  models: Record<string, ModelFacts>;
  /** Where two languages of different generations disagree, what the newer one decided (the older one is noted here). */
  disagreements: string[];
}
