// The extractor's parsing, on small inputs written here in the shape the SDK generators write (no fetched file).
import { describe, expect, it } from 'vitest';
import { parseSnapshot } from '../../sdk-ledger/extract/git.ts';
import { compareVersions, mergeRecord, type PhpFacts, type PythonFacts } from '../../sdk-ledger/extract/merge.ts';
import { parsePhpApi, parsePhpModel, phpType } from '../../sdk-ledger/extract/php.ts';
import { camelCase, parsePythonApiDoc, parsePythonUnion } from '../../sdk-ledger/extract/python.ts';
import type { Source } from '../../sdk-ledger/record.ts';

const PHP_MODEL = `<?php
namespace PAYJPV2\\Model;
class WidgetCreateRequest implements ModelInterface
{
    public const DISCRIMINATOR = null;
    protected static $openAPITypes = [
        'code' => 'string',
        'size' => 'int',
        'ratio' => 'float',
        'tags' => 'string[]',
        'parts' => '\\PAYJPV2\\Model\\PartRequest[]',
        'color' => 'string',
        'shade' => '\\PAYJPV2\\Model\\Shade',
        'seenAt' => '\\DateTime',
        'extra' => 'array<string,mixed>',
    ];
    protected static $openAPIFormats = [
        'code' => null,
        'size' => null,
        'ratio' => null,
        'tags' => null,
        'parts' => null,
        'color' => null,
        'shade' => null,
        'seenAt' => 'date-time',
        'extra' => null,
    ];
    protected static array $openAPINullables = [
        'code' => false,
        'size' => false,
        'ratio' => false,
        'tags' => false,
        'parts' => false,
        'color' => true,
        'shade' => true,
        'seenAt' => true,
        'extra' => false,
    ];
    protected static $attributeMap = [
        'code' => 'code',
        'size' => 'size',
        'ratio' => 'ratio',
        'tags' => 'tags',
        'parts' => 'parts',
        'color' => 'color',
        'shade' => 'shade',
        'seenAt' => 'seen_at',
        'extra' => 'extra',
    ];
    public const COLOR_RED = 'red';
    public const COLOR_BLUE = 'blue';
    public function getColorAllowableValues()
    {
        return [
            self::COLOR_RED,
            self::COLOR_BLUE,
        ];
    }
    public function listInvalidProperties()
    {
        $invalidProperties = [];
        if ($this->container['code'] === null) {
            $invalidProperties[] = "'code' can't be null";
        }
        if (! preg_match("/^[a-z]\\\\d{2}$/", $this->container['code'])) {
            $invalidProperties[] = "invalid value for 'code'";
        }
        if ($this->container['size'] === null) {
            $invalidProperties[] = "'size' can't be null";
        }
        if (($this->container['size'] > 12)) {
            $invalidProperties[] = "too big";
        }
        if (($this->container['size'] < 1)) {
            $invalidProperties[] = "too small";
        }
        if (! is_null($this->container['ratio']) && ($this->container['ratio'] >= 100.5)) {
            $invalidProperties[] = "too big";
        }
        if (! is_null($this->container['tags']) && (count($this->container['tags']) > 3)) {
            $invalidProperties[] = "too many";
        }
        if (! is_null($this->container['color']) && (mb_strlen($this->container['color']) > 255)) {
            $invalidProperties[] = "too long";
        }
        return $invalidProperties;
    }
    public function valid()
    {
        return count($this->listInvalidProperties()) === 0;
    }
}
`;

const PHP_ENUM = `<?php
namespace PAYJPV2\\Model;
enum Shade: string
{
    case LIGHT = 'light';
    case DARK = 'dark';
}
`;

const PHP_API = `<?php
class WidgetsApi
{
    public function createWidgetWithHttpInfo($widgetCreateRequest = null)
    {
            switch ($statusCode) {
                case 200:
                    return $this->handleResponseWithDataType(
                        '\\PAYJPV2\\Model\\WidgetResponse',
                        $request,
                        $response,
                    );
                case 402:
                    return $this->handleResponseWithDataType(
                        '\\PAYJPV2\\Model\\ErrorResponse',
                        $request,
                        $response,
                    );
            }
            if ($statusCode < 200 || $statusCode > 299) {
                throw new ApiException();
            }
    }
    /**
     * @param  \\PAYJPV2\\Model\\WidgetCreateRequest|null $widgetCreateRequest (optional)
     */
    public function createWidgetRequest($widgetCreateRequest = null)
    {
        $resourcePath = '/v2/widgets';
        // for model (json/xml)
        if (isset($widgetCreateRequest)) {
            $httpBody = $widgetCreateRequest;
        }
        return new Request(
            'POST',
            $resourcePath
        );
    }
    public function getAllWidgetsWithHttpInfo($limit = 10, $shade = null)
    {
            switch ($statusCode) {
                case 200:
                    return $this->handleResponseWithDataType(
                        '\\PAYJPV2\\Model\\WidgetListResponse',
                        $request,
                        $response,
                    );
            }
            if ($statusCode < 200 || $statusCode > 299) {
                throw new ApiException();
            }
    }
    /**
     * @param  int|null $limit how many (optional, default to 10)
     * @param  \\PAYJPV2\\Model\\Shade|null $shade which shade (optional)
     * @param  \\DateTime $since from when (required)
     */
    public function getAllWidgetsRequest($limit = 10, $shade = null, $since)
    {
        if ($limit !== null && $limit > 100) {
            throw new \\InvalidArgumentException('too big');
        }
        if ($limit !== null && $limit < 1) {
            throw new \\InvalidArgumentException('too small');
        }
        $resourcePath = '/v2/widgets';
        $queryParams = array_merge($queryParams, ObjectSerializer::toQueryValue(
            $limit,
            'limit', // param base name
            'integer', // openApiType
            'form', // style
            true, // explode
            false // required
        ) ?? []);
        $queryParams = array_merge($queryParams, ObjectSerializer::toQueryValue(
            $shade,
            'shade', // param base name
            'Shade', // openApiType
            'form', // style
            true, // explode
            false // required
        ) ?? []);
        $queryParams = array_merge($queryParams, ObjectSerializer::toQueryValue(
            $since,
            'since', // param base name
            'string', // openApiType
            'form', // style
            true, // explode
            true // required
        ) ?? []);
        return new Request(
            'GET',
            $resourcePath
        );
    }
}
`;

const PYTHON_DOC = `# payjpv2.WidgetsApi

Method | HTTP request | Description
------------- | ------------- | -------------
[**create_widget**](WidgetsApi.md#create_widget) | **POST** /v2/widgets | Create Widget
[**get_all_widgets**](WidgetsApi.md#get_all_widgets) | **GET** /v2/widgets | Get All Widgets

# **create_widget**
> WidgetResponse create_widget(widget_create_request)

### HTTP response details

| Status code | Description | Response headers |
|-------------|-------------|------------------|
**200** | Successful Response |  -  |
**400** | Widget Too Big&lt;br&gt;Widget &amp; Part Mismatch |  -  |
**402** | Payment Failed |  -  |

# **get_all_widgets**
> WidgetListResponse get_all_widgets(limit=limit)

### HTTP response details

| Status code | Description | Response headers |
|-------------|-------------|------------------|
**200** | Successful Response |  -  |
`;

const source = (lang: 'php' | 'python', tag: string): Source => ({
  lang,
  repository: `payjp/payjpv2-${lang}`,
  tag,
  commit: '0'.repeat(40),
  date: '2026-01-01T00:00:00+09:00',
});

describe('the PHP extractor', () => {
  it('reads a model: wire names, types, required-ness, nullability, enum and bounds', () => {
    const model = parsePhpModel(PHP_MODEL, 'WidgetCreateRequest.php');
    expect(model).toEqual({
      kind: 'object',
      fields: [
        { name: 'code', type: { type: 'string' }, required: true, nullable: false, pattern: '^[a-z]\\d{2}$' },
        { name: 'size', type: { type: 'integer' }, required: true, nullable: false, maximum: 12, minimum: 1 },
        { name: 'ratio', type: { type: 'number' }, required: false, nullable: false, exclusiveMaximum: 100.5 },
        { name: 'tags', type: { type: 'array', items: { type: 'string' } }, required: false, nullable: false, maxItems: 3 },
        { name: 'parts', type: { type: 'array', items: { type: 'model', model: 'PartRequest' } }, required: false, nullable: false },
        { name: 'color', type: { type: 'string' }, required: false, nullable: true, maxLength: 255, enum: ['red', 'blue'] },
        { name: 'shade', type: { type: 'model', model: 'Shade' }, required: false, nullable: true },
        { name: 'seen_at', type: { type: 'string', format: 'date-time' }, required: false, nullable: true },
        { name: 'extra', type: { type: 'object' }, required: false, nullable: false },
      ],
    });
  });

  it('reads an enum model and a union discriminator', () => {
    expect(parsePhpModel(PHP_ENUM, 'Shade.php')).toEqual({ kind: 'enum', values: ['light', 'dark'] });
    const union = parsePhpModel(PHP_MODEL.replace('DISCRIMINATOR = null', "DISCRIMINATOR = 'type'"), 'W.php');
    expect(union.kind === 'object' && union.discriminator).toBe('type');
  });

  it('reads an API file: method, path, body model, statuses with their models, query parameters with type and bounds', () => {
    expect(parsePhpApi(PHP_API, 'WidgetsApi.php')).toEqual([
      {
        operationId: 'createWidget',
        method: 'POST',
        path: '/v2/widgets',
        requestModel: 'WidgetCreateRequest',
        query: [],
        statuses: [
          { status: '200', model: 'WidgetResponse' },
          { status: '402', model: 'ErrorResponse' },
        ],
      },
      {
        operationId: 'getAllWidgets',
        method: 'GET',
        path: '/v2/widgets',
        query: [
          { name: 'limit', type: { type: 'integer' }, required: false, maximum: 100, minimum: 1 },
          { name: 'shade', type: { type: 'model', model: 'Shade' }, required: false },
          { name: 'since', type: { type: 'string', format: 'date-time' }, required: true },
        ],
        statuses: [{ status: '200', model: 'WidgetListResponse' }],
      },
    ]);
  });

  it('refuses a type it does not know, naming where', () => {
    expect(() => phpType('resource', null, 'X.php foo')).toThrow("X.php foo: unknown PHP type 'resource'");
    expect(() => parsePhpModel('<?php class X {}', 'X.php')).toThrow('X.php: no $openAPITypes array');
  });
});

describe('the Python extractor', () => {
  it('reads each operation with its statuses and their titles (none for a success)', () => {
    expect(parsePythonApiDoc(PYTHON_DOC, 'WidgetsApi.md')).toEqual([
      {
        operationId: 'createWidget',
        method: 'POST',
        path: '/v2/widgets',
        statuses: { '200': [], '400': ['Widget Too Big', 'Widget & Part Mismatch'], '402': ['Payment Failed'] },
      },
      { operationId: 'getAllWidgets', method: 'GET', path: '/v2/widgets', statuses: { '200': [] } },
    ]);
    expect(camelCase('get_all_payment_method_configurations')).toBe('getAllPaymentMethodConfigurations');
  });

  it('refuses an operation section without its response table', () => {
    expect(() => parsePythonApiDoc(PYTHON_DOC.replace(/### HTTP response details[\s\S]*?# \*\*get/, '# **get'), 'W.md')).toThrow(
      'W.md create_widget: no "HTTP response details" table',
    );
  });

  it('reads a union model', () => {
    const text = 'class WidgetRequest(BaseModel):\n    actual_instance: Optional[Union[RoundWidget, SquareWidget]] = None\n';
    expect(parsePythonUnion(text, 'w.py')).toEqual({ model: 'WidgetRequest', variants: ['RoundWidget', 'SquareWidget'] });
    expect(parsePythonUnion('class Plain(BaseModel):\n    name: str\n', 'p.py')).toBeUndefined();
  });
});

describe('merging the languages', () => {
  const php = (tag: string, statuses: string[]): PhpFacts => ({
    source: source('php', tag),
    models: { Shade: { kind: 'enum', values: ['light'] } },
    operations: [{ operationId: 'createWidget', method: 'POST', path: '/v2/widgets', query: [], statuses: statuses.map((status) => ({ status })) }],
  });
  const python = (tag: string, statuses: Record<string, string[]>): PythonFacts => ({
    source: source('python', tag),
    operations: [{ operationId: 'createWidget', method: 'POST', path: '/v2/widgets', statuses }],
    unions: {},
  });

  it('takes titles from python and records which language states each fact', () => {
    const record = mergeRecord(php('v1.0.5', ['200', '400']), python('v1.0.5', { '200': [], '400': ['Widget Too Big'] }));
    expect(record.generation).toBe('1.0.5');
    expect(record.operations['createWidget']!.statuses['400']).toEqual({ titles: ['Widget Too Big'], from: ['php', 'python'], titlesFrom: ['python'] });
    expect(record.operations['createWidget']!.from).toEqual(['php', 'python']);
    expect(record.disagreements).toEqual([]);
  });

  it('lets the newer generation win and keeps the disagreement', () => {
    const record = mergeRecord(php('v1.1.0', ['200', '402']), python('v1.0.10', { '200': [], '400': ['Widget Too Big'] }));
    expect(record.generation).toBe('1.1.0');
    expect(Object.keys(record.operations['createWidget']!.statuses)).toEqual(['200', '402']);
    expect(record.disagreements).toEqual([
      'createWidget: status 400 (Widget Too Big) in python 1.0.10, absent from php 1.1.0',
      'createWidget: status 402 in php 1.1.0, absent from python 1.0.10 (its titles unknown)',
    ]);
  });

  it('refuses two languages of one generation that disagree', () => {
    expect(() => mergeRecord(php('v1.0.5', ['200']), python('v1.0.5', { '200': [], '404': ['Not Found'] }))).toThrow(
      'php and python 1.0.5 disagree: createWidget: status 404 (Not Found) in python 1.0.5, absent from php 1.0.5',
    );
  });

  it('orders versions as numbers and reads a snapshot argument', () => {
    expect(compareVersions('1.0.10', '1.0.9')).toBeGreaterThan(0);
    expect(compareVersions('1.1.0', '1.0.10')).toBeGreaterThan(0);
    expect(parseSnapshot('/m/payjp+payjpv2-php/repo@v1.1.0')).toEqual({ gitDir: '/m/payjp+payjpv2-php/repo', rev: 'v1.1.0' });
    expect(() => parseSnapshot('/m/repo')).toThrow('expected <git dir>@<tag or commit>');
  });
});
