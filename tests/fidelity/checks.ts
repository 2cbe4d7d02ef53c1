// The checks of one operation, written once. Each is a type whose parameters carry the check as a
// constraint, so a mismatch is a tsc error at the line of that operation in operations.ts, with tsc's own
// path to the field at fault ("The types of 'response.email' are incompatible ..."), or the field's path
// as a string literal ("theirs only: body.billing_details.name").
import type { Narrower, PathsOf, Unshared, Wider } from './exceptions.ts';
import type { Equals, OperationId, Ours } from './sides.ts';

/** An intersection written out as one object type (each property keeps its `?`). */
type Flat<T> = { [K in keyof T]: T[K] };

/** `T` with the fields at `Paths` (dotted, array items seen through) made optional `unknown`: not checked. */
type Waive<T, Paths extends string> = [Paths] extends [never]
  ? T
  : T extends readonly unknown[]
    ? Waive<T[number], Paths>[]
    : T extends object
      ? Flat<
          { [K in keyof T as K extends Paths ? never : K]: Waive<T[K], Paths extends `${K & string}.${infer Rest}` ? Rest : never> } & {
            [K in keyof T & Paths]?: unknown;
          }
        >
      : T;

/**
 * Our deliberate tightenings, undone on our side so that their types can be compared with it:
 * - every resource's `object` is a required `const` in ours ("`object` is a `const` and required",
 *   openapi/README.md), where the published types have `object?: 'customer'`; made optional again here,
 *   at any depth (list items, nested resources); open records (`metadata`) are left alone;
 * - their client may be given `null` for a query parameter and then sends nothing (its query serializer skips
 *   `null`), so a `| null` in their query types never reaches the API; ours types the parameter as sent;
 * - the Narrower exceptions, waived.
 */
type LooseObjectConst<T> = T extends readonly unknown[]
  ? LooseObjectConst<T[number]>[]
  : T extends object
    ? string extends keyof T
      ? T
      : Flat<{ [K in keyof T as K extends 'object' ? never : K]: LooseObjectConst<T[K]> } & { [K in keyof T & 'object']?: T[K] }>
    : T;
type NullSendsNothing<Query> = Query extends object ? { [K in keyof Query]: Query[K] | null } : Query;
/** What a check compares of one operation (see sides.ts). */
type Sides = { response: unknown; body: unknown; query: unknown; path: unknown };

type Tolerant<O extends Sides, Waived extends string> = Waive<
  { response: LooseObjectConst<O['response']>; body: O['body']; query: NullSendsNothing<O['query']>; path: O['path'] },
  Waived
>;

/**
 * Every response their types describe, and every request their client sends, ours accepts: a client
 * generated from our bundle parses what the API returns, and our server (or mock) takes what their client sends.
 */
export type OursAccept<K extends OperationId, T extends Tolerant<Ours<K>, PathsOf<Narrower, K>>> = [K, T];

/**
 * Every response and request ours describes, their types accept: we never promise a shape their client
 * cannot parse, nor ask for a request it cannot send. `O` is `Ours<K>`, named for the constraint.
 */
export type TheirsAccept<K extends OperationId, T, O extends Waive<T, PathsOf<Wider, K>>> = [K, T, O];

/** Object members of a value type: arrays are seen through, primitives and `null` dropped. */
type Members<T> = T extends readonly unknown[] ? Members<T[number]> : T extends object ? T : never;
/** Keys of any member of a union (plain `keyof` of a union has only the common ones). */
type KeysOf<T> = T extends unknown ? keyof T : never;
/** The type of field `K` across the members of a union that have it. */
type FieldOf<T, K> = T extends unknown ? (K extends keyof T ? T[K] : never) : never;
type Join<Path extends string, K extends string> = Path extends '' ? K : `${Path}.${K}`;

/**
 * Paths of the fields `A` describes and `B` does not, at any depth ('response.data.card.brand').
 * Assignability cannot see these: an optional field one side lacks passes both ways, yet it is a field a
 * client sends and the server rejects (request bodies are closed), or one a client never learns of.
 * An open record (`metadata`) on `B`'s side knows every field; one on `A`'s side only is reported as `{*}`.
 */
type OnlyIn<A, B, Side extends string, Path extends string = ''> = [Members<A>] extends [never]
  ? never
  : string extends KeysOf<Members<B>>
    ? never
    : string extends KeysOf<Members<A>>
      ? `${Side} only: ${Join<Path, '{*}'>}`
      : {
          [K in KeysOf<Members<A>> & string]: K extends KeysOf<Members<B>>
            ? OnlyIn<FieldOf<Members<A>, K>, FieldOf<Members<B>, K>, Side, Join<Path, K>>
            : `${Side} only: ${Join<Path, K>}`;
        }[KeysOf<Members<A>> & string];

/**
 * Paths of arrays that are not plain arrays of their items, such as `unknown[] & Customer[]` (an `allOf`
 * of a generic envelope and a typed list). Assignability cannot see these either (an intersection is
 * assignable when one member is), yet a typed client calling `data.map(c => c.email)` gets `c: unknown`.
 */
type MixedArrays<T, Path extends string = ''> = T extends readonly unknown[]
  ? Equals<T, T[number][]> extends true
    ? MixedArrays<T[number], Path>
    : `ours not a plain array: ${Path}`
  : T extends object
    ? { [K in keyof T & string]-?: MixedArrays<T[K], Join<Path, K>> }[keyof T & string]
    : never;

/**
 * Exceptions that their check passes without, to be removed: each Narrower or Wider path is tried alone
 * unwaived, each Unshared path must still be found.
 */
type NeedlessNarrower<T, O extends Sides, All extends string, P extends string = All> = P extends unknown
  ? [T] extends [Tolerant<O, Exclude<All, P>>]
    ? `needless exception: ${P}`
    : never
  : never;
type NeedlessWider<T, O extends Sides, All extends string, P extends string = All> = P extends unknown
  ? [O] extends [Waive<T, Exclude<All, P>>]
    ? `needless exception: ${P}`
    : never
  : never;
type NeedlessUnshared<Found, P extends string> = P extends Found ? never : `needless exception: ${P}`;

/**
 * What assignability misses: fields only one side has (less the Unshared exceptions), and mixed arrays in
 * ours; and exceptions no longer needed. `O` is `Ours<K>` unless a test gives a mutated copy.
 */
export type Findings<K extends OperationId, T, O extends Sides = Ours<K>> =
  | Exclude<FieldDiff<T, O>, PathsOf<Unshared, K>>
  | MixedArrays<O>
  | NeedlessNarrower<T, O, PathsOf<Narrower, K> & string>
  | NeedlessWider<T, O, PathsOf<Wider, K> & string>
  | NeedlessUnshared<FieldDiff<T, O>, PathsOf<Unshared, K> & string>;
type FieldDiff<T, O> = OnlyIn<O, T, 'ours'> | OnlyIn<T, O, 'theirs'>;

/** Passes when there are no findings; fails naming each. */
export type None<Found extends never> = Found;
