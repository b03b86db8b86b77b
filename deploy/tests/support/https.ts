/**
 * Requests to nginx as a browser on the internet makes them: over TLS to 127.0.0.1 with the
 * server's host name (SNI and Host), trusting the test's own certificate authority. The path
 * is sent exactly as given (`..` and `%2e` included), as a hostile client would.
 */
import { request as httpsRequest } from 'node:https';
import { request as httpRequest } from 'node:http';

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  text: string;
  json: any;
}

export interface Endpoint {
  port: number;
  host: string;
  ca?: string;
}

export function send(
  endpoint: Endpoint,
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: Buffer | string } = {},
): Promise<Answer> {
  const body = typeof options.body === 'string' ? Buffer.from(options.body) : options.body;
  const headers = {
    Host: endpoint.port === 443 ? endpoint.host : `${endpoint.host}:${endpoint.port}`,
    ...(body ? { 'Content-Length': String(body.length) } : {}),
    ...options.headers,
  };
  const settings = {
    host: '127.0.0.1',
    port: endpoint.port,
    method,
    path,
    headers,
    ...(endpoint.ca ? { ca: endpoint.ca, servername: endpoint.host } : {}),
  };
  return new Promise((resolve, reject) => {
    const outgoing = (endpoint.ca ? httpsRequest : httpRequest)(settings, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const all = Buffer.concat(chunks);
        const text = all.toString('utf8');
        let json: unknown = null;
        try {
          json = JSON.parse(text);
        } catch {
          // not JSON
        }
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: all, text, json });
      });
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/** A JSON request with an admin's bearer token. */
export function json(endpoint: Endpoint, method: string, path: string, token: string | null, payload?: unknown): Promise<Answer> {
  return send(endpoint, method, path, {
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: payload === undefined ? undefined : JSON.stringify(payload),
  });
}
