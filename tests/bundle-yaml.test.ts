// generated/openapi.yaml is the JSON bundle written as plain YAML: no anchors or aliases, which some tools
// misread (Specmatic 2.55 took an aliased header schema for no schema and failed the whole run).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isAlias, parseDocument, visit } from 'yaml';
import { describe, expect, it } from 'vitest';
import { GENERATED } from '../scripts/lib/paths.ts';

describe('generated/openapi.yaml', () => {
  const document = parseDocument(readFileSync(join(GENERATED, 'openapi.yaml'), 'utf8'));

  it('has no aliases', () => {
    const aliases: string[] = [];
    visit(document, { Alias: (_key, node) => void (isAlias(node) && aliases.push(node.source)) });
    expect(aliases).toEqual([]);
  });

  it('holds the same document as openapi.json', () => {
    expect(document.toJS()).toEqual(JSON.parse(readFileSync(join(GENERATED, 'openapi.json'), 'utf8')));
  });
});
