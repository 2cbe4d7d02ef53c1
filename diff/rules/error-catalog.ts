// The catalog's promises about each code, the same for every operation that answers it: the status, the problem's
// `type` (its identifier and docs address) and `title`, the retry policy and the headers that come with it. A code
// created, deleted or moved to another status is reported here once, naming the operations it affects.
import { errorCodes, effectiveCodes } from '../lib/error-codes.ts';
import type { Change } from '../lib/finding.ts';
import { pointer } from '../lib/json.ts';
import type { CatalogEntry, Version } from '../lib/version.ts';
import type { Rule } from './rule.ts';

const slugOf = (entry: CatalogEntry): string => entry.type.split('/').pop() || entry.code.replaceAll('_', '-');

/** The operations answering a code in a version, as `name` list for messages. */
function answering(version: Version, code: string): string[] {
  return [...errorCodes(version.document).values()]
    .filter((ops) => [...ops.byStatus.keys()].some((status) => effectiveCodes(ops, status, version.catalog).has(code)))
    .map((ops) => ops.name);
}

const listed = (names: readonly string[]): string =>
  names.length === 0
    ? 'no operation'
    : `${names.length} operation${names.length > 1 ? 's' : ''} (${names.slice(0, 3).join(', ')}${names.length > 3 ? ', …' : ''})`;

function compareEntry(before: CatalogEntry, after: CatalogEntry, head: Version): Change[] {
  const change = (check: string, field: string, message: string): Change => ({
    check,
    operation: null,
    pointer: pointer('codes', after.code, field),
    document: 'catalog',
    message: `${after.code}: ${message}`,
    anchor: { code: after.code, slug: slugOf(after) },
  });
  const changes: Change[] = [];
  if (before.status !== after.status) {
    changes.push(
      change(
        'error-status-changed',
        'status',
        `status ${before.status} → ${after.status} in ${listed(answering(head, after.code))}: clients that branch on the status miss it`,
      ),
    );
  }
  if (before.type !== after.type) {
    changes.push(change('error-type-changed', 'type', `type ${before.type} → ${after.type}: the problem's identifier changed; clients matching on it miss it`));
  }
  if (before.title !== after.title) {
    changes.push(change('error-title-changed', 'title', `title "${before.title}" → "${after.title}": shown to users; servers must answer the new one`));
  }
  if (before.retry !== null && after.retry !== null && before.retry !== after.retry) {
    changes.push(
      change(
        'error-retry-changed',
        'retry',
        `retry policy ${before.retry} → ${after.retry}: clients that follow the old policy retry in vain or give up too early`,
      ),
    );
  }
  if (before.headers !== null && after.headers !== null) {
    for (const header of before.headers.filter((name) => !after.headers!.includes(name))) {
      changes.push(change('error-header-removed', 'headers', `no longer comes with ${header}: clients that wait for it find none`));
    }
    for (const header of after.headers.filter((name) => !before.headers!.includes(name))) {
      changes.push(change('error-header-added', 'headers', `now comes with ${header}`));
    }
  }
  return changes;
}

export const errorCatalogRule: Rule = {
  checks: [
    'error-code-created',
    'error-code-deleted',
    'error-status-changed',
    'error-type-changed',
    'error-title-changed',
    'error-retry-changed',
    'error-header-removed',
    'error-header-added',
  ],
  run(base, head) {
    const before = new Map(base.catalog.map((entry) => [entry.code, entry]));
    const after = new Map(head.catalog.map((entry) => [entry.code, entry]));
    const deleted = [...before.values()]
      .filter((entry) => !after.has(entry.code))
      .map(
        (entry): Change => ({
          check: 'error-code-deleted',
          operation: null,
          pointer: pointer('codes', entry.code),
          document: 'catalog',
          message: `${entry.code} (${entry.status}) removed from the catalog, answered until now by ${listed(answering(base, entry.code))}: their handlers for it are dead code`,
        }),
      );
    const created = [...after.values()]
      .filter((entry) => !before.has(entry.code))
      .map(
        (entry): Change => ({
          check: 'error-code-created',
          operation: null,
          pointer: pointer('codes', entry.code),
          document: 'catalog',
          message: `${entry.code} (${entry.status}) added to the catalog, answered by ${listed(answering(head, entry.code))}: exhaustive switches over their codes no longer compile`,
          anchor: { code: entry.code, slug: slugOf(entry) },
        }),
      );
    const changed = [...after.values()].flatMap((entry) => {
      const old = before.get(entry.code);
      return old ? compareEntry(old, entry, head) : [];
    });
    return [...deleted, ...created, ...changed];
  },
};
