/**
 * A reader's side of the public route, for tests: posts from a chosen loopback address (the
 * whole 127.0.0.0/8 is this machine's), with or without a solved ALTCHA challenge (`solve` of
 * @campaign-desk/testing/proof-of-work), as the
 * site's script (JSON) or as the plain form (a page navigation).
 */
import { request } from 'node:http';

export type Answer = { status: number; headers: Record<string, string | string[] | undefined>; text: string; json: any };

export type Send = {
  /** The form's fields; a Buffer is sent as a file. */
  fields?: Record<string, string | { body: Buffer; name: string; type: string }>;
  /** The raw body and its type, instead of fields. */
  raw?: { body: Buffer; type: string };
  origin?: string | null;
  /** `page` posts as a browser navigating (the plain form); `json` as the site's script. */
  as?: 'json' | 'page';
  from?: string;
  method?: string;
  headers?: Record<string, string>;
};

export async function encode(fields: NonNullable<Send['fields']>): Promise<{ body: Buffer; type: string }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value === 'string') form.append(name, value);
    else form.append(name, new Blob([new Uint8Array(value.body)], { type: value.type }), value.name);
  }
  const response = new Response(form);
  return { body: Buffer.from(await response.arrayBuffer()), type: response.headers.get('content-type')! };
}

export async function send(url: string, options: Send = {}): Promise<Answer> {
  const payload = options.raw ?? (options.fields ? await encode(options.fields) : null);
  const headers: Record<string, string> = {
    Accept: options.as === 'page' ? 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' : 'application/json',
    ...(options.origin === null ? {} : { Origin: options.origin ?? '' }),
    ...(payload ? { 'Content-Type': payload.type, 'Content-Length': String(payload.body.length) } : {}),
    ...options.headers,
  };
  if (headers.Origin === '') delete headers.Origin;
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: options.method ?? (payload ? 'POST' : 'GET'), headers, localAddress: options.from ?? '127.0.0.1' },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown = null;
          try {
            json = JSON.parse(text);
          } catch {
            // A page, or nothing.
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
      },
    );
    req.on('error', reject);
    req.end(payload?.body);
  });
}
