// What every kind of case of one operation builds its requests from: the operation, its example body and path
// IDs (made on a stateful target, the spec's examples on a stateless one), and the request of its success.
import { exampleParam, type Json, type Operation } from '../../../contract-core/contract.ts';
import { unknownId } from '../given.ts';
import { fromRecipe } from '../provoke.ts';
import { recipeFor, type Recipe } from '../recipes.ts';
import { Skip, type RequestParts, type Run } from '../step.ts';

export interface CaseOptions {
  resolve(value: Json | undefined): Promise<Json | undefined>;
  /** Operations whose success needs a particular state: on a stateful target their scenario covers it. */
  coveredByScenario: ReadonlyMap<string, string>;
}

export interface CaseContext {
  op: Operation;
  /** The recipe of the operation's success, when it needs some status (recipes.ts). */
  recipe: Recipe | undefined;
  /** The example body, with example IDs replaced by the target's on a stateful target. */
  body(run: Run): Promise<Json | undefined>;
  /** Path IDs: made on a stateful target, the spec's examples on a stateless one; `given` ones are kept. */
  ids(run: Run, given?: Record<string, string>): Promise<Record<string, string>>;
  /** The request with IDs and body valid on the target (made there when needed), `given` IDs kept. */
  resolved(run: Run, given?: Record<string, string>): Promise<RequestParts>;
  /** The request of the success: a recipe's on a stateful target when the operation needs some status. */
  successRequest(run: Run): Promise<RequestParts>;
}

export const pathParams = (op: Operation) => op.parameters.filter((p) => p.in === 'path');
export const prefixOf = (id: unknown): string => /^([a-z]+_)/.exec(String(id))?.[1] ?? '';
/** An ID of the path parameter's kind (its example's prefix) that names no object. */
export const missingId = (op: Operation, name: string): string => unknownId(prefixOf(exampleParam(op, name)));

export function caseContext(op: Operation, options: CaseOptions): CaseContext {
  const recipe = recipeFor(op.operationId);
  const scenario = options.coveredByScenario.get(op.operationId);
  const body = async (run: Run): Promise<Json | undefined> => {
    const example = op.requestBody?.example ?? (op.requestBody ? {} : undefined);
    return run.target.stateful ? options.resolve(example) : example;
  };
  const ids = async (run: Run, given: Record<string, string> = {}): Promise<Record<string, string>> => {
    const out: Record<string, string> = { ...given };
    for (const p of pathParams(op)) out[p.name] ??= run.target.stateful ? await run.idFor(p.name) : exampleParam(op, p.name);
    return out;
  };
  const resolved = async (run: Run, given?: Record<string, string>): Promise<RequestParts> => {
    const b = await body(run);
    return { params: await ids(run, given), ...(b !== undefined ? { body: b } : {}) };
  };
  return {
    op,
    recipe,
    body,
    ids,
    resolved,
    successRequest: async (run) => {
      if (run.target.stateful && recipe) return fromRecipe(run, recipe);
      if (run.target.stateful && scenario) throw new Skip(`covered by scenario "${scenario}"`);
      return resolved(run);
    },
  };
}
