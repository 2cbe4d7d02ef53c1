// Prism 5.16 as a library, in the front's process: the front hands it a parsed request and gets the answer
// as data (status, headers, body, request violations), with no second HTTP hop and no re-parsing. The
// libraries the Prism CLI is made of (the same 5.16 release, pinned), loaded the way its CLI loads them but
// without the CLI: the package's users install the libraries only.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { PROBLEM_MEDIA_TYPE } from '../contract-core/conventions.ts';

/** A request as Prism reads it (its IHttpRequest). */
export type PrismRequest = {
  method: string;
  url: { path: string; query: Record<string, string | string[]> };
  headers: Record<string, string>;
  body: unknown;
};

/** Prism's answer: its mock response, or its own problem (no route, no such example...). */
export type PrismAnswer = {
  status: number;
  headers: Record<string, string>;
  body: unknown;
  violations: Violation[];
};

/** A request violation, located as Prism's HTTP server locates it (`['request', 'body', 'email']`). */
export type Violation = { location: (string | number)[]; severity: string; code: string | number; message: string };

export type PrismOptions = { document: object; dynamic?: boolean; seed?: string };
export type Prism = { answer(request: PrismRequest): Promise<PrismAnswer> };

type Either<L, R> = { _tag: 'Left'; left: L } | { _tag: 'Right'; right: R };
type ProblemError = Error & { status?: number; detail?: string; additional?: Record<string, unknown> };
type Validation = { path?: (string | number)[]; code: string | number; message: string; severity: number };
type Response = {
  output: { statusCode: number; headers?: Record<string, string>; body?: unknown };
  validations: { input: Validation[] };
};
type MockConfig = { dynamic: boolean; ignoreExamples: boolean; seed?: string; code?: number; exampleKey?: string };
type Config = {
  validateRequest: boolean;
  validateResponse: boolean;
  checkSecurity: boolean;
  errors: boolean;
  isProxy: false;
  upstreamProxy: undefined;
  mock: MockConfig;
};
type PrismHttp = {
  getHttpOperationsFromSpec(document: object): Promise<unknown[]>;
  createInstance(
    config: Config,
    components: { logger: unknown },
  ): {
    request(input: PrismRequest, operations: unknown[], config: Config): () => Promise<Either<ProblemError, Response>>;
  };
  ProblemJsonError: { toProblemJson(error: ProblemError): Record<string, unknown> };
};

const load = createRequire(import.meta.url);
const { prismHttp, createLogger, getHttpConfigFromRequest, faker } = loadPrism();

/**
 * Prism's libraries, which the package declares as optional peers (package/build.ts): a user who never mocks
 * does not install them, and one who does is told in one line what to install.
 */
function loadPrism() {
  try {
    const prismHttp = load('@stoplight/prism-http') as PrismHttp;
    const { createLogger } = load('@stoplight/prism-core') as { createLogger(name: string, options: object): unknown };
    // Prefer header → per-request config, exactly as Prism's HTTP server reads it (code, example, dynamic, seed).
    const { getHttpConfigFromRequest } = load('@stoplight/prism-http-server/dist/getHttpConfigFromRequest') as {
      getHttpConfigFromRequest(input: PrismRequest): Either<ProblemError, Partial<MockConfig>>;
    };
    // The json-schema-faker instance prism-http generates with (its own copy: the CLI's flag sets another one).
    const faker = createRequire(load.resolve('@stoplight/prism-http'))('json-schema-faker') as {
      JSONSchemaFaker: { option(name: string, value: unknown): void };
    };
    return { prismHttp, createLogger, getHttpConfigFromRequest, faker };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
    throw new Error(`the mock needs Prism, an optional peer dependency that is not installed: ${prismInstallCommand()}`);
  }
}

/** `npm install` of Prism's libraries at the versions the package's manifest names (peers in the package, dependencies here). */
export function prismInstallCommand(): string {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    dependencies?: Record<string, string>;
    peerDependencies?: Record<string, string>;
  };
  const versions = { ...manifest.dependencies, ...manifest.peerDependencies };
  const prism = Object.keys(versions)
    .filter((name) => name.startsWith('@stoplight/prism-'))
    .sort();
  return `npm install --save-dev ${prism.map((name) => `${name}@${versions[name]}`).join(' ')}`;
}

const SEVERITY = ['Error', 'Warning', 'Information', 'Hint'];

/**
 * The oldest Node the mock runs on: the floor Prism declares (its package.json `engines`), which also has the
 * URLPattern global the front's route matching uses (contract-core/contract.ts). The package runs elsewhere on
 * older Node (package/build.ts); the mock refuses there, saying why, rather than failing at the first request.
 */
export function checkNodeForPrism(version = process.versions.node): void {
  const declared = (load('@stoplight/prism-http/package.json') as { engines?: { node?: string } }).engines?.node ?? '';
  const floor = /^>=\s*(\d+)\.(\d+)/.exec(declared);
  const [major = 0, minor = 0] = version.split('.').map(Number);
  const below = floor !== null && (major < Number(floor[1]) || (major === Number(floor[1]) && minor < Number(floor[2])));
  if (below || typeof URLPattern !== 'function') {
    throw new Error(
      `mock: needs Node ${declared || 'with URLPattern'} (Prism 5.16 supports no older Node, and the mock's route matching uses URLPattern); this is Node ${version}`,
    );
  }
}

export async function createPrism({ document, dynamic = false, seed }: PrismOptions): Promise<Prism> {
  checkNodeForPrism();
  const operations = await prismHttp.getHttpOperationsFromSpec(structuredClone(document));
  if (operations.length === 0) throw new Error('Prism found no operations in the bundle');
  // json-schema-faker fills open objects (no additionalProperties: false) with random extra keys in dynamic
  // mode; answers must carry only the documented fields.
  faker.JSONSchemaFaker.option('fillProperties', false);
  const config: Config = {
    validateRequest: true,
    // The examples are checked by the build and the suite; validating every answer again only costs time.
    validateResponse: false,
    checkSecurity: true,
    errors: false,
    isProxy: false,
    upstreamProxy: undefined,
    mock: { dynamic, ignoreExamples: false, ...(dynamic ? { seed: seed ?? '1' } : {}) },
  };
  const prism = prismHttp.createInstance(config, { logger: createLogger('PRISM', { level: 'silent' }) });

  const problemOf = (error: ProblemError): PrismAnswer => ({
    status: error.status ?? 500,
    headers: { 'content-type': PROBLEM_MEDIA_TYPE },
    body: prismHttp.ProblemJsonError.toProblemJson(error),
    violations: [],
  });

  return {
    async answer(request) {
      const preferences = getHttpConfigFromRequest(request);
      if (preferences._tag === 'Left') return problemOf(preferences.left);
      const chosen = Object.fromEntries(Object.entries(preferences.right).filter(([, value]) => value !== undefined));
      const result = await prism.request(request, operations, { ...config, mock: { ...config.mock, ...chosen } })();
      if (result._tag === 'Left') return problemOf(result.left);
      const { output, validations } = result.right;
      return {
        status: output.statusCode,
        headers: Object.fromEntries(Object.entries(output.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value])),
        body: output.body,
        violations: validations.input.map(({ path = [], code, message, severity }) => ({
          location: ['request', ...path],
          severity: SEVERITY[severity] ?? String(severity),
          code,
          message,
        })),
      };
    },
  };
}
