// Lint rule contract/translated-texts: every human-readable text of openapi/ (summaries, descriptions, tag
// names) has its translation in each language's overlay, written from the English as it is now (the hash
// the action records). Reported at the English text's file and line; a translation whose target is gone is
// reported with the overlay's file and line.
import { relative } from 'node:path';
import { type Location, type Oas3Rule, type UserContext, unescapePointerFragment } from '@redocly/openapi-core';
import { parse } from 'yaml';
import {
  type Action,
  bundleSegments,
  HASH_KEY,
  LANGUAGES,
  type Language,
  loadOverlay,
  overlayFile,
  type Segment,
  targetOf,
  textHash,
} from '../translations.ts';

interface Overlay {
  language: Language;
  file: string;
  actions: Map<string, Action>;
  used: Set<Action>;
}

/** Each English key and the key its translation updates: a tag keeps its name (operations and links use it). */
const TEXT_KEYS = [
  ['summary', 'summary'],
  ['description', 'description'],
] as const;
const TAG_KEYS = [...TEXT_KEYS, ['name', 'x-displayName']] as const;
const GROUP_KEYS = [['name', 'name']] as const;

const actionKey = (target: string, key: string): string => `${target} ${key}`;
const pointerOf = (location: Location): string[] =>
  location.pointer
    .replace(/^#\/?/, '')
    .split('/')
    .filter((part) => part !== '')
    .map(unescapePointerFragment);

const translatedTexts: Oas3Rule = () => {
  let specRoot = '';
  let overlays: Overlay[] = [];
  let groups: Record<string, unknown>[] = [];
  const placed = new Map<string, Segment[]>();
  const sources = new Map<string, unknown>();
  const seen = new Set<string>();

  const check = (node: Record<string, unknown>, ctx: UserContext, location: Location, keys: readonly (readonly [string, string])[]) => {
    const pointer = pointerOf(location);
    const file = location.source.absoluteRef;
    if (!sources.has(file)) sources.set(file, parse(location.source.body));
    for (const [english, translated] of keys) {
      const text = node[english];
      if (typeof text !== 'string') continue;
      const place = `${location.absolutePointer}/${english}`;
      if (seen.has(place)) continue;
      seen.add(place);
      const segments = bundleSegments(specRoot, placed, file, pointer, sources.get(file));
      if (!segments) {
        ctx.report({
          message: `No place in the bundle is known for ${relative(process.cwd(), file)}: translations cannot target its ${english}`,
          location: location.child(english),
        });
        continue;
      }
      const target = targetOf(segments);
      const hash = textHash(text);
      for (const overlay of overlays) {
        const action = overlay.actions.get(actionKey(target, translated));
        const where = relative(process.cwd(), overlay.file);
        if (action) overlay.used.add(action);
        if (!action) {
          ctx.report({
            message: `This ${english} has no ${overlay.language} translation: add to ${where}: {target: "${target}", update: {${translated}: …}, ${HASH_KEY}: ${hash}}`,
            location: location.child(english),
          });
        } else if (action.hash !== hash) {
          ctx.report({
            message: `The ${overlay.language} translation at ${where}:${action.line} was written from another English text (${action.hash}); this ${english} is now ${hash}: translate it again and record ${hash}`,
            location: location.child(english),
          });
        }
      }
    }
  };

  return {
    Root: {
      enter(root, ctx) {
        specRoot = ctx.location.source.absoluteRef;
        groups = ((root as unknown as Record<string, unknown>)['x-tagGroups'] ?? []) as Record<string, unknown>[];
        for (const section of ['paths', 'webhooks'] as const) {
          for (const [name, item] of Object.entries((root as unknown as Record<string, Record<string, unknown> | undefined>)[section] ?? {})) {
            const file = ctx.resolve(item as { $ref: string }).location?.source.absoluteRef;
            if (file && file !== specRoot) placed.set(file, [section, name]);
          }
        }
        overlays = LANGUAGES.map((language) => {
          const file = overlayFile(specRoot, language);
          let loaded: ReturnType<typeof loadOverlay>;
          try {
            loaded = loadOverlay(file);
          } catch (error) {
            loaded = { actions: [], problems: [`${relative(process.cwd(), file)}: ${(error as Error).message}`] };
          }
          for (const problem of loaded.problems) ctx.report({ message: problem, location: ctx.location });
          const actions = new Map<string, Action>();
          for (const action of loaded.actions) {
            const key = actionKey(action.target, action.key);
            if (actions.has(key)) {
              ctx.report({
                message: `${relative(process.cwd(), file)}:${action.line}: a second translation of ${action.target} ${action.key}`,
                location: ctx.location,
              });
            }
            actions.set(key, action);
          }
          return { language, file, actions, used: new Set<Action>() };
        });
      },
      leave(_root, ctx) {
        // The navigation's groups of tags (Redoc's x-tagGroups): their names are shown, and only shown.
        groups.forEach((group, index) => check(group, ctx, ctx.location.child(['x-tagGroups', index]), GROUP_KEYS));
        for (const overlay of overlays) {
          for (const action of overlay.actions.values()) {
            if (overlay.used.has(action)) continue;
            ctx.report({
              message: `${relative(process.cwd(), overlay.file)}:${action.line}: this translation's target ${action.target} (${action.key}) is no text of openapi/: remove it or target the text's new place`,
              location: ctx.location,
            });
          }
        }
      },
    },
    any: {
      enter(node: unknown, ctx: UserContext) {
        if (!node || typeof node !== 'object' || Array.isArray(node) || ctx.type.name === 'SpecExtension') return;
        if (pointerOf(ctx.location).some((part) => part.startsWith('x-'))) return;
        check(node as Record<string, unknown>, ctx, ctx.location, ctx.type.name === 'Tag' ? TAG_KEYS : TEXT_KEYS);
      },
    },
    // A `$ref` with a description beside it (a field that narrows a shared schema): the text is the ref's.
    ref(node: unknown, ctx: UserContext) {
      check(node as Record<string, unknown>, ctx, ctx.location, TEXT_KEYS);
    },
  };
};

export default translatedTexts;
