// The contract's texts in other languages: one OpenAPI Overlay 1.0 document per language
// (openapi/overlays/<lang>.yaml) whose actions each replace one English text of the bundle and record the
// hash of the English they were written from. Redocly's bundler applies the overlay (build-spec.ts); the lint
// rule lint-rules/translated-texts.ts refuses a text without its translation or with a stale one.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { exampleName } from '../../contract-core/conventions.ts';
import type { ErrorDefinition } from './catalog.ts';

export const LANGUAGES = ['ja'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Where an overlay lives: beside the spec's root, so that a copy of openapi/ carries its translations. */
export const overlayFile = (specRoot: string, language: Language): string => join(dirname(specRoot), 'overlays', `${language}.yaml`);

/** What a translation records it was written from: the English text's SHA-256, shortened. */
export const textHash = (english: string): string => createHash('sha256').update(english).digest('hex').slice(0, 12);

export const HASH_KEY = 'x-translated-from';

export interface Action {
  target: string;
  key: string;
  text: string;
  hash: string;
  line: number;
}

/** The overlay's actions, each with its line; an action must update exactly one key and name its hash. */
export function loadOverlay(file: string): { actions: Action[]; problems: string[] } {
  const lineCounter = new LineCounter();
  const document = parseDocument(readFileSync(file, 'utf8'), { lineCounter });
  const parsed = document.toJS() as { overlay?: unknown; actions?: unknown } | null;
  const problems = document.errors.map((error) => `${file}:${lineCounter.linePos(error.pos[0]).line}: ${error.message}`);
  if (!parsed || typeof parsed.overlay !== 'string' || !Array.isArray(parsed.actions)) {
    return { actions: [], problems: [...problems, `${file}:1: not an Overlay 1.0 document (overlay: 1.0.0, actions: [...])`] };
  }
  const actions: Action[] = [];
  const nodes = (document.get('actions', true) as { items: { range?: [number, number, number] }[] }).items;
  parsed.actions.forEach((raw: unknown, index: number) => {
    const line = lineCounter.linePos(nodes[index]?.range?.[0] ?? 0).line;
    const action = raw as { target?: unknown; update?: unknown; [HASH_KEY]?: unknown };
    const entries = action.update && typeof action.update === 'object' ? Object.entries(action.update) : [];
    const [entry] = entries;
    if (typeof action.target !== 'string' || entries.length !== 1 || typeof entry?.[1] !== 'string' || typeof action[HASH_KEY] !== 'string') {
      problems.push(`${file}:${line}: a translation is {target, update: {<one key>: <text>}, ${HASH_KEY}: <hash of the English>}`);
      return;
    }
    actions.push({ target: action.target, key: entry[0], text: entry[1], hash: action[HASH_KEY], line });
  });
  return { actions, problems };
}

export type Segment = string | number | { name: string };

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const quote = (name: string): string => `'${name.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;

/** The one JSONPath (RFC 9535) an action targets a node by: named members, array indexes, and tags and
 *  parameters (and Redoc's tag groups) by their name (so that adding one does not move the others' translations). */
export const targetOf = (segments: readonly Segment[]): string =>
  `$${segments
    .map((segment) =>
      typeof segment === 'number'
        ? `[${segment}]`
        : typeof segment === 'object'
          ? `[?@.name==${quote(segment.name)}]`
          : IDENTIFIER.test(segment)
            ? `.${segment}`
            : `[${quote(segment)}]`,
    )
    .join('')}`;

/** Where Redocly's bundler puts a file's content (components are named by file name). */
const COMPONENT_FOLDERS: [string, string][] = [
  ['components/schemas/', 'schemas'],
  ['components/parameters/', 'parameters'],
  ['components/headers/', 'headers'],
  ['examples/', 'examples'],
];

/**
 * Maps a place in openapi/ (a file and a JSON pointer into it) to its path in the bundle. `placed` holds the
 * files the root names under `paths` and `webhooks`; `source` is the file's parsed content (to tell an array
 * index from a key, and to name a tag or parameter).
 */
export function bundleSegments(
  specRoot: string,
  placed: ReadonlyMap<string, Segment[]>,
  file: string,
  pointer: readonly string[],
  source: unknown,
): Segment[] | undefined {
  let base: Segment[] | undefined;
  if (file === specRoot) base = [];
  else if (placed.has(file)) base = placed.get(file);
  else {
    const within = relative(dirname(specRoot), file).split(sep).join('/');
    const folder = COMPONENT_FOLDERS.find(([prefix]) => within.startsWith(prefix));
    if (folder) base = ['components', folder[1], basename(file).replace(/\.ya?ml$/, '')];
  }
  if (!base) return undefined;
  const segments: Segment[] = [...base];
  let node = source;
  pointer.forEach((key, index) => {
    const parentKey = pointer[index - 1];
    if (Array.isArray(node)) {
      const item = node[Number(key)] as { name?: unknown } | undefined;
      const byName = (parentKey === 'parameters' || parentKey === 'tags' || parentKey === 'x-tagGroups') && typeof item?.name === 'string';
      segments.push(byName ? { name: item.name as string } : Number(key));
      node = item;
    } else {
      segments.push(key);
      node = (node as Record<string, unknown> | undefined)?.[key];
    }
  });
  return segments;
}

/** The texts the catalog writes into the bundle (expand-errors.ts), in `language`: the problem schema of a
 *  status, the error responses' lists of codes, and each code's example, described by the catalog's meaning.
 *  Titles stay: they are the `title` the API answers. */
export function localizeErrors(document: Record<string, unknown>, catalog: readonly ErrorDefinition[], language: Language): Record<string, unknown> {
  if (language !== 'ja') return document;
  const components = document['components'] as Record<string, Record<string, { description?: string }>>;
  for (const def of catalog) {
    const example = components['examples']?.[exampleName(def.code)];
    if (example) example.description = def.ja;
  }
  for (const schema of Object.values(components['schemas'] ?? {})) {
    const status = /^A problem answered with HTTP (\d+)\.$/.exec(schema.description ?? '')?.[1];
    if (status) schema.description = `HTTP ${status} で返されるエラー (問題の詳細)。`;
  }
  const responses = [
    ...Object.values(components['responses'] ?? {}),
    ...Object.values((document['paths'] ?? {}) as Record<string, Record<string, { responses?: Record<string, { description?: string }> }>>).flatMap((item) =>
      Object.values(item).flatMap((operation) => Object.values(operation?.responses ?? {})),
    ),
  ];
  for (const response of responses) {
    const codes = /^[A-Za-z ]+: (`[^`]+`(?:, `[^`]+`)*)\.$/.exec(response.description ?? '')?.[1];
    if (codes) response.description = `${response.description!.split(':')[0]}。このステータスで返るエラーコード: ${codes.replaceAll(', ', '、')}`;
  }
  return document;
}

/** The line a translated Markdown file records its English file's hash on (textHash of the whole file). */
const TRANSLATED_FROM = /^<!-- translated-from: (\w+) -->$/m;

/**
 * The Markdown files of `englishDir` (the guides) and their translations of the same name in `translatedDir`:
 * a file without its translation, a translation written from another version of its English file (stale), and
 * a translation of no file, each as `file:line: problem`, paths relative to `root`.
 */
export function translatedFileProblems(root: string, englishDir: string, translatedDir: string): string[] {
  const rel = (path: string): string => relative(root, path);
  const markdown = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.md')) : []);
  const english = markdown(englishDir);
  const problems = markdown(translatedDir)
    .filter((name) => !english.includes(name))
    .map((name) => `${rel(join(translatedDir, name))}:1: translates no file of ${rel(englishDir)}: rename or remove it`);
  for (const name of english) {
    const hash = textHash(readFileSync(join(englishDir, name), 'utf8'));
    const path = join(translatedDir, name);
    if (!existsSync(path)) {
      problems.push(`${rel(join(englishDir, name))}:1: has no translation: write ${rel(path)}, its '# heading' then <!-- translated-from: ${hash} -->`);
      continue;
    }
    const text = readFileSync(path, 'utf8');
    const recorded = TRANSLATED_FROM.exec(text);
    if (recorded?.[1] !== hash) {
      const line = recorded ? text.slice(0, recorded.index).split('\n').length : 2;
      problems.push(
        `${rel(path)}:${line}: written from another version of ${rel(join(englishDir, name))} (now ${hash}): translate the change and record <!-- translated-from: ${hash} -->`,
      );
    }
  }
  return problems;
}

/** A translated Markdown file's text without its translated-from line. */
export const withoutTranslatedFrom = (text: string): string => text.replace(TRANSLATED_FROM, '');
