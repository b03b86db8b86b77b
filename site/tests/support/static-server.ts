/** A small static file server for the built site, on 127.0.0.1 and a free port. */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { contentType } from '../../renderer/content-types';

export type Running = { url: string; close: () => Promise<void>; server: Server };

/** The file a URL path names in dir, or null: /a/ → a/index.html, /a → a or a/index.html. */
export function resolveInDir(dir: string, urlPath: string): string | null {
  let pathname: string;
  try {
    pathname = decodeURIComponent(urlPath.split(/[?#]/)[0] ?? '/');
  } catch {
    return null;
  }
  const target = path.join(dir, pathname);
  if (!target.startsWith(dir)) return null;
  if (existsSync(target) && statSync(target).isFile()) return target;
  const index = path.join(target, 'index.html');
  if (existsSync(index)) return index;
  return null;
}

/**
 * Serves `dir` under `base` ('/', or a portal's '/zt/liuda/') as a web server in front of a
 * release does: its files, `404.html` with a 404 for anything else; requests outside `base`
 * are answered 404 and kept in `outside`.
 */
export async function serveDir(dir: string, base = '/'): Promise<Running & { outside: string[] }> {
  const root = path.resolve(dir);
  const outside: string[] = [];
  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    const inside = url.startsWith(base);
    if (!inside) outside.push(url);
    const file = inside ? resolveInDir(root, `/${url.slice(base.length)}`) : null;
    const found = file ?? path.join(root, '404.html');
    res.statusCode = file ? 200 : 404;
    res.setHeader('content-type', contentType(found));
    createReadStream(found).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    outside,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
