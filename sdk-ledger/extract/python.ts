// Reads the facts the Python SDK's API docs (docs/<Group>Api.md) state: each operation's method and path, and
// its response statuses with their error titles (the "HTTP response details" table). Pure functions over text.

export interface PythonOperation {
  operationId: string;
  method: string;
  path: string;
  /** Status → the titles its description lists (`<br>`-separated); a success's description is no title. */
  statuses: Record<string, string[]>;
}

/** `create_payment_refund` → `createPaymentRefund`, the operationId the other languages use. */
export function camelCase(snake: string): string {
  return snake.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'", '&amp;': '&' };
const unescapeHtml = (text: string): string => text.replace(/&(lt|gt|quot|#39|#x27|amp);/g, (entity) => ENTITIES[entity]!);

export function parsePythonApiDoc(source: string, where: string): PythonOperation[] {
  const operations = new Map<string, PythonOperation>();
  for (const [, name, method, path] of source.matchAll(/^\[\*\*(\w+)\*\*\]\([^)]*\) \| \*\*([A-Z]+)\*\* (\S+) \|/gm)) {
    operations.set(name!, { operationId: camelCase(name!), method: method!, path: path!, statuses: {} });
  }
  for (const section of source.split(/^# \*\*/m).slice(1)) {
    const name = /^(\w+)\*\*/.exec(section)?.[1];
    const operation = name === undefined ? undefined : operations.get(name);
    if (!operation) throw new Error(`${where}: section '${name}' is not in the operation table`);
    const details = section.split(/^### HTTP response details$/m)[1];
    if (details === undefined) throw new Error(`${where} ${name}: no "HTTP response details" table`);
    for (const [, status, description] of details.matchAll(/^\*\*(\d{3})\*\* \| ([^|]*)\|/gm)) {
      const titles = unescapeHtml(description!)
        .split(/<br\s*\/?>/)
        .map((title) => title.trim())
        .filter(Boolean);
      operation.statuses[status!] = status!.startsWith('2') ? [] : titles;
    }
  }
  return [...operations.values()];
}

/** A model file (payjpv2/models/<model>.py) of a union: its name and the models it is one of. */
export function parsePythonUnion(source: string, where: string): { model: string; variants: string[] } | undefined {
  const model = /^class (\w+)\(BaseModel\)/m.exec(source)?.[1];
  const union = /^\s+actual_instance: Optional\[Union\[([^\]]+)\]\]/m.exec(source)?.[1];
  if (!union) return undefined;
  if (!model) throw new Error(`${where}: a union with no class`);
  return { model, variants: union.split(',').map((name) => name.trim()) };
}
