// One record from the languages' facts. Models and query parameters come from PHP (the only language here that
// states bounds and nullability); titles from Python (the only one that states them); operations and statuses
// from both. Where the two disagree and one is of a newer generation, the newer one wins and the disagreement
// is kept in the record; two sources of the same generation that disagree are an error.
import type { LedgerRecord, ModelFacts, OperationFacts, Source } from '../record.ts';
import type { PhpModel, PhpOperation } from './php.ts';
import type { PythonOperation } from './python.ts';

export interface PhpFacts {
  source: Source;
  models: Record<string, PhpModel>;
  operations: PhpOperation[];
}
export interface PythonFacts {
  source: Source;
  operations: PythonOperation[];
  /** Union model → the models it is one of. */
  unions: Record<string, string[]>;
}

const version = (source: Source): string => source.tag.replace(/^v/, '');
const label = (source: Source): string => `${source.lang} ${version(source)}`;

/** Compares two versions as numbers, part by part (`1.0.10` after `1.0.9`). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i += 1) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export function mergeRecord(php: PhpFacts, python: PythonFacts | undefined): LedgerRecord {
  const sources = python ? [php.source, python.source] : [php.source];
  const newest = sources.reduce((a, b) => (compareVersions(version(b), version(a)) > 0 ? b : a));
  const phpNewer = python === undefined || compareVersions(version(php.source), version(python.source)) >= 0;
  const sameGeneration = python !== undefined && version(php.source) === version(python.source);
  const disagreements: string[] = [];
  const disagree = (what: string): void => {
    if (sameGeneration) throw new Error(`php and python ${version(php.source)} disagree: ${what}`);
    disagreements.push(what);
  };

  const models: Record<string, ModelFacts> = {};
  for (const [name, model] of Object.entries(php.models).sort(([a], [b]) => a.localeCompare(b))) models[name] = { ...model, from: ['php'] };

  for (const [name, variants] of Object.entries(python?.unions ?? {})) {
    const model = models[name];
    const objects = variants.filter((v) => models[v]?.kind === 'object');
    if (objects.length === 0) continue; // a union of scalars (a metadata value) is no union of models
    if (model?.kind !== 'object' || objects.length !== variants.length) {
      disagree(`${name}: one of ${variants.join(', ')} in ${label(python!.source)}, not all of them object models of ${label(php.source)}`);
      continue;
    }
    model.oneOf = variants;
    model.from.push('python');
  }

  const operations: Record<string, OperationFacts> = {};
  for (const op of [...php.operations].sort((a, b) => a.operationId.localeCompare(b.operationId))) {
    const facts: OperationFacts = {
      method: op.method,
      path: op.path,
      query: op.query.map((q) => ({ ...q, from: ['php'] })),
      statuses: Object.fromEntries(
        op.statuses.map(({ status, model }) => [
          status,
          model ? { model, titles: [], from: ['php'], titlesFrom: [] } : { titles: [], from: ['php'], titlesFrom: [] },
        ]),
      ),
      from: ['php'],
    };
    if (op.requestModel) facts.requestModel = op.requestModel;
    operations[op.operationId] = facts;
  }

  for (const op of python?.operations ?? []) {
    const py = label(python!.source);
    const facts = operations[op.operationId];
    if (!facts) {
      disagree(`${op.operationId}: ${op.method} ${op.path} stated by ${py}, absent from ${label(php.source)}`);
      continue;
    }
    if (facts.method !== op.method || facts.path !== op.path) {
      disagree(`${op.operationId}: ${op.method} ${op.path} in ${py}, ${facts.method} ${facts.path} in ${label(php.source)}`);
      continue;
    }
    facts.from.push('python');
    for (const [status, titles] of Object.entries(op.statuses)) {
      let entry = facts.statuses[status];
      if (!entry) {
        if (phpNewer) {
          disagree(`${op.operationId}: status ${status} (${titles.join('; ') || 'no title'}) in ${py}, absent from ${label(php.source)}`);
          continue;
        }
        entry = facts.statuses[status] = { titles: [], from: [], titlesFrom: [] };
      }
      entry.from.push('python');
      entry.titles = titles;
      entry.titlesFrom = titles.length > 0 ? ['python'] : [];
    }
    for (const status of Object.keys(facts.statuses).filter((s) => !(s in op.statuses))) {
      if (phpNewer) disagree(`${op.operationId}: status ${status} in ${label(php.source)}, absent from ${py} (its titles unknown)`);
      else {
        disagree(`${op.operationId}: status ${status} in ${label(php.source)}, absent from ${py}`);
        delete facts.statuses[status];
      }
    }
  }
  for (const [operationId, facts] of Object.entries(operations)) {
    if (python && !facts.from.includes('python')) disagree(`${operationId}: in ${label(php.source)}, absent from ${label(python.source)}`);
  }
  return { generation: version(newest), sources, operations, models, disagreements };
}
