// The comparison of a record with a contract, on a small contract and record written here: clean, it matches
// every fact; each kind of fact planted differently is reported by name; deviations hide only what they name,
// and one that hides nothing is stale.
import { describe, expect, it } from 'vitest';
import { type JsonObject, readContract } from '../../contract-core/contract.ts';
import { type Catalog, compare, type Deviation, report, samePattern } from '../../sdk-ledger/compare.ts';
import { parseDeviations } from '../../sdk-ledger/deviations.ts';
import type { LedgerRecord } from '../../sdk-ledger/record.ts';

const ref = (name: string): JsonObject => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: JsonObject): JsonObject => ({ 'application/json': { schema } });
const problem: JsonObject = { description: 'A problem', content: { 'application/problem+json': { schema: ref('Problem') } } };

function contractDocument(): JsonObject {
  return {
    openapi: '3.1.0',
    paths: {
      '/v2/widgets': {
        post: {
          operationId: 'createWidget',
          requestBody: { required: true, content: json(ref('WidgetCreateRequest')) },
          responses: { '200': { description: 'ok', content: json(ref('Widget')) }, '400': problem, '402': problem },
          'x-errors': ['widget_too_big', 'payment_failed'],
          'x-errors-evidence': { widget_too_big: { source: 'client' }, payment_failed: { source: 'client' } },
        },
        get: {
          operationId: 'getAllWidgets',
          parameters: [
            { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 100 } },
            { name: 'shade', in: 'query', required: false, schema: ref('Shade') },
          ],
          responses: { '200': { description: 'ok', content: json(ref('Widget')) } },
        },
      },
    },
    components: {
      schemas: {
        WidgetCreateRequest: {
          type: 'object',
          required: ['code'],
          properties: {
            code: { type: 'string', pattern: '^[A-Za-z0-9_-]+$' },
            color: { type: ['string', 'null'], enum: ['red', 'blue', null], maxLength: 255 },
            shade: ref('Shade'),
          },
        },
        Widget: {
          type: 'object',
          required: ['id', 'color'],
          properties: { id: { type: 'string' }, color: { anyOf: [{ type: 'string' }, { type: 'null' }] } },
        },
        Shade: { type: 'string', enum: ['light', 'dark'] },
        Problem: {
          type: 'object',
          required: ['type', 'title', 'status'],
          properties: { type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' } },
        },
      },
    },
  };
}

const CATALOG: Catalog = {
  widget_too_big: { status: 400, title: 'Widget Too Big' },
  payment_failed: { status: 402, title: 'Payment Failed' },
};

const RECORD: LedgerRecord = {
  generation: '1.1.0',
  sources: [
    { lang: 'php', repository: 'payjp/payjpv2-php', tag: 'v1.1.0', commit: '0'.repeat(40), date: '2026-06-01T16:20:15+09:00' },
    { lang: 'python', repository: 'payjp/payjpv2-python', tag: 'v1.0.10', commit: '1'.repeat(40), date: '2026-04-02T13:41:17+09:00' },
  ],
  operations: {
    createWidget: {
      method: 'POST',
      path: '/v2/widgets',
      requestModel: 'WidgetCreateRequest',
      query: [],
      statuses: {
        '200': { model: 'Widget', titles: [], from: ['php', 'python'], titlesFrom: [] },
        '400': { model: 'ErrorResponse', titles: ['Widget Too Big'], from: ['php', 'python'], titlesFrom: ['python'] },
        '402': { model: 'ErrorResponse', titles: ['Payment Failed'], from: ['php'], titlesFrom: ['python'] },
      },
      from: ['php', 'python'],
    },
    getAllWidgets: {
      method: 'GET',
      path: '/v2/widgets',
      query: [
        { name: 'limit', type: { type: 'integer' }, required: false, minimum: 1, maximum: 100, from: ['php'] },
        { name: 'shade', type: { type: 'model', model: 'Shade' }, required: false, from: ['php'] },
      ],
      statuses: { '200': { model: 'Widget', titles: [], from: ['php', 'python'], titlesFrom: [] } },
      from: ['php', 'python'],
    },
  },
  models: {
    WidgetCreateRequest: {
      kind: 'object',
      fields: [
        { name: 'code', type: { type: 'string' }, required: true, nullable: false, pattern: '^[-_0-9A-Za-z]+$' },
        { name: 'color', type: { type: 'string' }, required: false, nullable: true, enum: ['red', 'blue'], maxLength: 255 },
        { name: 'shade', type: { type: 'model', model: 'Shade' }, required: false, nullable: false },
      ],
      from: ['php'],
    },
    Widget: {
      kind: 'object',
      fields: [
        { name: 'id', type: { type: 'string' }, required: true, nullable: false },
        { name: 'color', type: { type: 'string' }, required: true, nullable: true },
      ],
      from: ['php'],
    },
    Shade: { kind: 'enum', values: ['light', 'dark'], from: ['php'] },
    ErrorResponse: {
      kind: 'object',
      fields: [
        { name: 'type', type: { type: 'string' }, required: true, nullable: false },
        { name: 'title', type: { type: 'string' }, required: true, nullable: false },
        { name: 'status', type: { type: 'integer' }, required: true, nullable: false },
      ],
      from: ['php'],
    },
  },
  disagreements: [],
};

/** The comparison of RECORD with the contract after `plant` changed it. */
function differencesAfter(plant: (doc: any) => void, deviations: Deviation[] = []) {
  const doc = contractDocument();
  plant(doc);
  return compare(RECORD, readContract(doc), CATALOG, deviations);
}
const keysAfter = (plant: (doc: any) => void): string[] => differencesAfter(plant).differences.map((d) => d.key);
const messagesAfter = (plant: (doc: any) => void): string[] => differencesAfter(plant).differences.map((d) => d.message);
const schemas = (doc: any) => doc.components.schemas;

describe('comparing a record with the contract', () => {
  it('matches every fact of a contract that follows the record', () => {
    const comparison = differencesAfter(() => {});
    expect(comparison.differences).toEqual([]);
    // 2 operations, 4 statuses, 2 titles, 7 facts of the 2 query parameters, 13 of WidgetCreateRequest's
    // 3 fields, 6 of Widget's 2, and 9 of ErrorResponse's 3 (held against both problems' schema).
    expect(comparison.matched.length).toBe(43);
  });

  it.each([
    [
      'a missing status',
      (doc: any) => delete doc.paths['/v2/widgets'].post.responses['402'],
      'createWidget: status 402 documented by php 1.1.0, absent from the contract',
    ],
    [
      'a title',
      (doc: any) => (doc.paths['/v2/widgets'].post['x-errors'] = ['payment_failed']),
      "createWidget: 400 'Widget Too Big' documented by python 1.0.10, no code of the contract's x-errors has this title and status",
    ],
    [
      'a nullability change',
      (doc: any) => (schemas(doc).Widget.properties.color = { type: 'string' }),
      'Widget.color: nullable by php 1.1.0, not nullable in the contract',
    ],
    [
      'a bound',
      (doc: any) => (schemas(doc).WidgetCreateRequest.properties.color.maxLength = 100),
      'WidgetCreateRequest.color: maxLength 255 documented by php 1.1.0, the contract says 100',
    ],
    [
      'a pattern',
      (doc: any) => (schemas(doc).WidgetCreateRequest.properties.code.pattern = '^[A-Za-z0-9]+$'),
      'WidgetCreateRequest.code: pattern ^[-_0-9A-Za-z]+$ documented by php 1.1.0, the contract says ^[A-Za-z0-9]+$',
    ],
    [
      'an enum value',
      (doc: any) => (schemas(doc).WidgetCreateRequest.properties.color.enum = ['red', null]),
      "WidgetCreateRequest.color: enum value 'blue' documented by php 1.1.0, absent from the contract",
    ],
    [
      'a field',
      (doc: any) => delete schemas(doc).WidgetCreateRequest.properties.code,
      'WidgetCreateRequest.code: field string, required documented by php 1.1.0, absent from the contract',
    ],
    [
      'a field only the contract has',
      (doc: any) => (schemas(doc).Widget.properties.size = { type: 'integer' }),
      "Widget.size: field of the contract's Widget, absent from php 1.1.0",
    ],
    ['a required-ness', (doc: any) => (schemas(doc).Widget.required = ['id']), 'Widget.color: required by php 1.1.0, optional in the contract'],
    [
      'a type',
      (doc: any) => (schemas(doc).Widget.properties.id = { type: 'integer' }),
      'Widget.id: type string documented by php 1.1.0, the contract says integer',
    ],
    [
      'a query parameter',
      (doc: any) => doc.paths['/v2/widgets'].get.parameters.pop(),
      'getAllWidgets?shade: query parameter Shade, optional documented by php 1.1.0, absent from the contract',
    ],
    [
      "a query parameter's bound",
      (doc: any) => (doc.paths['/v2/widgets'].get.parameters[0].schema.maximum = 50),
      'getAllWidgets?limit: maximum 100 documented by php 1.1.0, the contract says 50',
    ],
    [
      'an operation',
      (doc: any) => (doc.paths['/v2/gadgets'] = { get: { ...doc.paths['/v2/widgets'].get } }) && delete doc.paths['/v2/widgets'].get,
      'getAllWidgets: GET /v2/widgets documented by php 1.1.0 and python 1.0.10, GET /v2/gadgets in the contract',
    ],
    [
      'an operation only the contract has',
      (doc: any) => (doc.paths['/v2/gadgets'] = { get: { operationId: 'getAllGadgets', responses: {} } }),
      'getAllGadgets: GET /v2/gadgets in the contract, absent from php 1.1.0 and python 1.0.10',
    ],
  ])('reports %s', (_, plant, message) => {
    expect(messagesAfter(plant)).toEqual([message]);
  });

  it("reports an enum model's value wherever the model is used", () => {
    expect(messagesAfter((doc) => (schemas(doc).Shade.enum = ['light', 'dark', 'dim']))).toEqual([
      "getAllWidgets?shade: the contract's 'dim' absent from php 1.1.0",
      "WidgetCreateRequest.shade: the contract's 'dim' absent from php 1.1.0",
    ]);
  });

  it('reports a body the contract does not take', () => {
    expect(messagesAfter((doc) => delete doc.paths['/v2/widgets'].post.requestBody)).toEqual([
      'createWidget: a WidgetCreateRequest body by php 1.1.0 and python 1.0.10, no JSON body in the contract',
    ]);
  });

  it('holds each variant of a union against the contract schema for its discriminator value', () => {
    const record: LedgerRecord = structuredClone(RECORD);
    const variant = (type: string, extra: string) => ({
      kind: 'object' as const,
      fields: [
        { name: 'type', type: { type: 'string' as const }, required: true, nullable: false, enum: [type] },
        { name: extra, type: { type: 'string' as const }, required: true, nullable: false },
      ],
      from: ['php' as const],
    });
    record.models['Round'] = variant('round', 'radius');
    record.models['Square'] = variant('square', 'side');
    // The generator's merge of the variants: both extras required, which no variant is; never compared.
    record.models['Shape'] = { ...variant('round', 'radius'), oneOf: ['Round', 'Square'], discriminator: 'type' };
    record.models['Widget']!.kind === 'object' &&
      record.models['Widget']!.fields.push({ name: 'shape', type: { type: 'model', model: 'Shape' }, required: true, nullable: false });
    const doc = contractDocument() as any;
    const object = (type: string, extra: string) => ({
      type: 'object',
      required: ['type', extra],
      properties: { type: { const: type }, [extra]: { type: 'string' } },
    });
    Object.assign(schemas(doc), { Round: object('round', 'radius'), Square: object('square', 'side') });
    schemas(doc).Widget.required.push('shape');
    schemas(doc).Widget.properties.shape = {
      oneOf: [ref('Round'), ref('Square')],
      discriminator: { propertyName: 'type', mapping: { round: '#/components/schemas/Round', square: '#/components/schemas/Square' } },
    };
    expect(compare(record, readContract(doc), CATALOG, []).differences).toEqual([]);
    delete schemas(doc).Widget.properties.shape.discriminator.mapping.square;
    schemas(doc).Round.properties.radius = { type: 'integer' };
    expect(compare(record, readContract(doc), CATALOG, []).differences.map((d) => d.message)).toEqual([
      "Square.type: 'square' documented by php 1.1.0, no schema of the contract's discriminator",
      'Round.radius: type string documented by php 1.1.0, the contract says integer',
    ]);
  });

  it('reports a code the contract says the client names where the SDK does not name it', () => {
    const catalog: Catalog = { ...CATALOG, widget_gone: { status: 400, title: 'Widget Gone' } };
    const doc = contractDocument() as any;
    doc.paths['/v2/widgets'].post['x-errors'].push('widget_gone');
    doc.paths['/v2/widgets'].post['x-errors-evidence'].widget_gone = { source: 'client' };
    const comparison = compare(RECORD, readContract(doc), catalog, []);
    expect(comparison.differences.map((d) => d.message)).toEqual([
      "createWidget: the contract's widget_gone (400 'Widget Gone') says the client names it, php 1.1.0 and python 1.0.10 do not",
    ]);
    // A status whose titles no language of the record gives (a newer PHP's, the Python docs older) proves nothing.
    const untitled: LedgerRecord = structuredClone(RECORD);
    untitled.operations['createWidget']!.statuses['400'] = { model: 'ErrorResponse', titles: [], from: ['php'], titlesFrom: [] };
    expect(compare(untitled, readContract(doc), catalog, []).differences).toEqual([]);
  });

  it('lets a deviation hide the facts it names, by reason, and reports one that hides nothing as stale', () => {
    const plant = (doc: any) => {
      schemas(doc).Widget.properties.color = { type: 'string' };
      schemas(doc).WidgetCreateRequest.properties.color.maxLength = 100;
    };
    expect(keysAfter(plant)).toEqual(['nullable Widget.color', 'bound WidgetCreateRequest.color maxLength']);
    const nullable: Deviation = { facts: 'nullable Widget.*', reason: 'pay-jp-words', why: 'its description says so' };
    const stale: Deviation = { facts: 'required Widget.id', reason: 'generator-artefact', why: 'once true' };
    const comparison = differencesAfter(plant, [nullable, stale]);
    expect(comparison.deviated.map((d) => [d.fact.key, d.deviation.reason])).toEqual([['nullable Widget.color', 'pay-jp-words']]);
    expect(comparison.differences.map((d) => d.key)).toEqual(['bound WidgetCreateRequest.color maxLength']);
    expect(comparison.stale).toEqual([stale]);
    expect(report(comparison).split('\n')).toEqual([
      'the contract against SDK 1.1.0: 41 facts matched, 0 deviations (generator-artefact), 1 deviations (pay-jp-words), 0 deviations (our-inference), 0 deviations (not-followed), 1 differences, 1 stale deviations',
      '  WidgetCreateRequest.color: maxLength 255 documented by php 1.1.0, the contract says 100   [bound WidgetCreateRequest.color maxLength]',
      "  stale deviation 'required Widget.id' (generator-artefact): the contract no longer differs there",
    ]);
  });

  it('takes patterns alike but for the order of a character class as the same', () => {
    expect(samePattern('^[-_0-9A-Za-z]+$', '^[A-Za-z0-9_-]+$')).toBe(true);
    expect(samePattern('^[0-9]{3,4}$', '^[0-9]{3,5}$')).toBe(false);
    expect(samePattern('[a-c]', '[-ac]')).toBe(false);
  });
});

describe('the deviation lists', () => {
  it('are read strictly, naming the file and the entry', () => {
    expect(parseDeviations('- facts: required *.object\n  reason: generator-artefact\n  why: a default\n', 'd.yaml')).toEqual([
      { facts: 'required *.object', reason: 'generator-artefact', why: 'a default' },
    ]);
    expect(() => parseDeviations('- facts: x\n  reason: because\n  why: y\n', 'd.yaml')).toThrow(
      "d.yaml: deviation 1 (x): 'reason' must be one of generator-artefact, pay-jp-words, our-inference, not-followed",
    );
    expect(() => parseDeviations('- facts: x\n  reason: pay-jp-words\n', 'd.yaml')).toThrow("d.yaml: deviation 1 (x): 'why' must say why");
    expect(() => parseDeviations('- facts: x\n  reason: pay-jp-words\n  why: y\n  note: z\n', 'd.yaml')).toThrow('d.yaml: deviation 1: unknown key(s) note');
  });
});
