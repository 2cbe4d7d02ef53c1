// Small SDK sources written here in the shape PAY.JP's generators write them (openapi-generator's PHP and
// Python clients), for the extractor's tests: a model, an enum, an API file, an API doc.

export const PHP_MODEL = `<?php
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

export const PHP_ENUM = `<?php
namespace PAYJPV2\\Model;
enum Shade: string
{
    case LIGHT = 'light';
    case DARK = 'dark';
}
`;

export const PHP_API = `<?php
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

export const PYTHON_DOC = `# payjpv2.WidgetsApi

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
