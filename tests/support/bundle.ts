// The bundled spec as the build tests read it: generated/openapi.json, loosely typed for reaching into.
import { deref as derefIn, type JsonObject, loadContract } from '../../contract-core/contract.ts';

export type Json = Record<string, any>;

export const bundle: Json = loadContract().document;

/** Follows `#/components/...` references of the bundle (contract-core's deref, loosely typed). */
export const deref = (node: Json): Json => derefIn(bundle as JsonObject, node as JsonObject);
