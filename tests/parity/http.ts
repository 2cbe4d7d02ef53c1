// One raw HTTP exchange, with full control over what is sent (repeated header lines, any method, bytes as
// given): fetch would merge, add or refuse some of what the parity tables send.
import { request } from 'node:http';

export interface RawRequest {
  method: string;
  /** Path and query, as sent. */
  path: string;
  /** A header given as an array is sent as that many field lines. */
  headers?: Record<string, string | string[]>;
  body?: string | Buffer;
}

export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** The body as JSON when it is some. */
  json: Record<string, unknown> | undefined;
}

export function exchange(baseUrl: string, raw: RawRequest): Promise<RawAnswer> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const headers = { ...raw.headers, ...(raw.body === undefined ? {} : { 'content-length': String(Buffer.byteLength(raw.body)) }) };
    const req = request({ host: url.hostname, port: url.port, method: raw.method, path: raw.path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: Record<string, unknown> | undefined;
        try {
          json = JSON.parse(text) as Record<string, unknown>;
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
    });
    req.on('error', reject);
    req.end(raw.body);
  });
}
