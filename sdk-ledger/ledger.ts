// npm run sdk:ledger -- --php <git dir>@<tag> [--python <git dir>@<tag>]
// Extracts the facts an official SDK generation states from fetched snapshots of its repositories and writes
// them to sdk-ledger/records/<generation>.json (the newest source's version names the generation).
import { writeFileSync } from 'node:fs';
import { basename, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { describe, grepFiles, listFiles, parseSnapshot, readFile, type Snapshot } from './extract/git.ts';
import { mergeRecord, type PhpFacts, type PythonFacts } from './extract/merge.ts';
import { parsePhpApi, parsePhpModel, type PhpModel } from './extract/php.ts';
import { parsePythonApiDoc, parsePythonUnion } from './extract/python.ts';
import type { Lang, LedgerRecord, Source } from './record.ts';
import { recordFile } from './records.ts';

function sourceOf(lang: Lang, snapshot: Snapshot): Source {
  const { repository, commit, date } = describe(snapshot);
  return { lang, repository, tag: snapshot.rev, commit, date };
}

function readPhp(snapshot: Snapshot): PhpFacts {
  const models: Record<string, PhpModel> = {};
  for (const file of listFiles(snapshot, 'lib/Model').filter((f) => f.endsWith('.php') && !f.endsWith('/ModelInterface.php'))) {
    models[basename(file, '.php')] = parsePhpModel(readFile(snapshot, file), `${snapshot.rev}:${file}`);
  }
  const operations = listFiles(snapshot, 'lib/Api')
    .filter((f) => f.endsWith('Api.php'))
    .flatMap((file) => parsePhpApi(readFile(snapshot, file), `${snapshot.rev}:${file}`));
  return { source: sourceOf('php', snapshot), models, operations };
}

function readPython(snapshot: Snapshot): PythonFacts {
  const operations = listFiles(snapshot, 'docs')
    .filter((f) => /Api\.md$/.test(f))
    .flatMap((file) => parsePythonApiDoc(readFile(snapshot, file), `${snapshot.rev}:${file}`));
  const unions: Record<string, string[]> = {};
  for (const file of grepFiles(snapshot, 'actual_instance: Optional\\[Union', 'payjpv2/models')) {
    const union = parsePythonUnion(readFile(snapshot, file), `${snapshot.rev}:${file}`);
    if (union) unions[union.model] = union.variants;
  }
  return { source: sourceOf('python', snapshot), operations, unions };
}

export function extract(php: Snapshot, python: Snapshot | undefined): LedgerRecord {
  return mergeRecord(readPhp(php), python ? readPython(python) : undefined);
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { php: { type: 'string' }, python: { type: 'string' }, out: { type: 'string' } } });
  if (!values.php) {
    console.error('usage: npm run sdk:ledger -- --php <git dir>@<tag> [--python <git dir>@<tag>] [--out <file>]');
    process.exit(2);
  }
  const record = extract(parseSnapshot(values.php), values.python ? parseSnapshot(values.python) : undefined);
  const out = values.out ?? recordFile(record.generation);
  writeFileSync(out, `${JSON.stringify(record, null, 2)}\n`);
  const shown = relative(process.cwd(), out);
  const operations = Object.values(record.operations);
  console.log(
    `${shown}: SDK ${record.generation} from ${record.sources.map((s) => `${s.repository}@${s.tag} (${s.commit.slice(0, 7)}, ${s.date})`).join(', ')}: ` +
      `${operations.length} operations, ${Object.keys(record.models).length} models, ` +
      `${operations.reduce((n, op) => n + Object.keys(op.statuses).length, 0)} statuses, ${record.disagreements.length} disagreements between languages`,
  );
  for (const line of record.disagreements) console.log(`  ${line}`);
}
