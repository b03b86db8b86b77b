/**
 * The allow-list of platforms whose players a story's page may frame (`media.embedHosts`):
 * each entry a host name and, optionally, a path its players live under
 * (`player.bilibili.com/player.html`, `v.qq.com/txp/iframe/`), so that a platform's other pages
 * (its own uploads, redirects, anything it hosts for others) are not trusted with it.
 */
import { z } from 'zod';

const LABEL = '[a-z0-9](?:[a-z0-9-]*[a-z0-9])?';
/** A host of two labels or more whose last is not a number (no IP address), then a plain path. */
const ENTRY = new RegExp(`^(${LABEL}(?:\\.${LABEL})+)(/[A-Za-z0-9._~/-]*)?$`);

export type EmbedHost = { host: string; path: string };

const MESSAGE =
  '只接受“主机名”或“主机名/路径前缀”，如 player.bilibili.com 或 player.bilibili.com/player.html（不带 https://、端口、IP 地址、通配符、查询串或 ..）';

/** One entry as the operator writes it, read into its host and path prefix ('/' for the whole host). */
export const embedHostSchema = z
  .string()
  .trim()
  .transform((entry, ctx): EmbedHost => {
    const match = ENTRY.exec(lowerHost(entry));
    const host = match?.[1];
    const path = match?.[2] ?? '/';
    if (!host || /\.\d+$/.test(host) || path.split('/').some((segment) => segment === '.' || segment === '..') || path.includes('//')) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${JSON.stringify(entry)}：${MESSAGE}` });
      return z.NEVER;
    }
    return { host, path };
  });

/** The host is case-blind; the path is not. */
function lowerHost(entry: string): string {
  const slash = entry.indexOf('/');
  return slash === -1 ? entry.toLowerCase() : entry.slice(0, slash).toLowerCase() + entry.slice(slash);
}

/**
 * Whether `url` (parsed, so '..' and escapes are already resolved) is a page of an allowed
 * platform: https, no credentials, the host exactly, and its path the entry's or under it (a
 * prefix of whole segments unless it ends in '/': `/player.html` allows `/player.html` only).
 */
export function mayEmbed(url: URL, allowed: readonly EmbedHost[]): boolean {
  if (url.protocol !== 'https:' || url.username || url.password || url.port) return false;
  return allowed.some(
    ({ host, path }) =>
      url.hostname === host &&
      (path.endsWith('/') ? url.pathname.startsWith(path) : url.pathname === path || url.pathname.startsWith(`${path}/`)),
  );
}
