/**
 * Which address a request counts against in the rate limits. The connection's peer, unless
 * that peer is one of the configured reverse proxies (participation.trustedProxies, addresses or
 * CIDR ranges): then the X-Forwarded-For list is read from the right, past every trusted proxy,
 * and the first address that is not one is the client. A header from anyone else is ignored,
 * so a sender cannot pick the address it is counted as.
 */
import { BlockList, isIP } from 'node:net';

/** Whether an address is one of the proxies. */
export type Proxies = { has(address: string): boolean };

const family = (address: string) => (isIP(address) === 6 ? 'ipv6' : 'ipv4');

/** The configured proxies, each an address (`10.0.0.5`) or a range (`10.0.0.0/8`, `2001:db8::/32`), as Node's BlockList matches them. */
export function proxiesOf(entries: readonly string[]): Proxies {
  const list = new BlockList();
  for (const entry of entries) {
    const [written = '', prefix] = entry.split('/');
    const network = normalizeAddress(written);
    if (prefix === undefined) list.addAddress(network, family(network));
    else list.addSubnet(network, Number(prefix), family(network));
  }
  return { has: (address) => isIP(address) !== 0 && list.check(address, family(address)) };
}

/** `::ffff:127.0.0.1` (IPv4 seen on an IPv6 socket) is 127.0.0.1. */
export function normalizeAddress(address: string): string {
  const trimmed = address.trim();
  return trimmed.toLowerCase().startsWith('::ffff:') && isIP(trimmed.slice(7)) === 4 ? trimmed.slice(7) : trimmed;
}

/**
 * What an address is counted as: an IPv4 address itself; an IPv6 address by its /64, the
 * network one subscriber is given, inside which they may pick any of 2^64 addresses.
 */
export function countedAs(address: string): string {
  if (isIP(address) !== 6) return address;
  const [head = '', tail = ''] = address.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  // An IPv4 tail (::ffff:1.2.3.4 style) lies in the low 64 bits, which are dropped anyway.
  const groups = address.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((group) => Number.parseInt(group || '0', 16).toString(16))
    .join(':')}::/64`;
}

export function clientAddress(peer: string | undefined, forwardedFor: string | string[] | undefined, trusted: Proxies): string {
  const remote = normalizeAddress(peer ?? '');
  if (!trusted.has(remote) || !forwardedFor) return remote;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor)
    .split(',')
    .map(normalizeAddress)
    .filter((hop) => isIP(hop) !== 0);
  for (let index = hops.length - 1; index >= 0; index -= 1) {
    if (!trusted.has(hops[index]!)) return hops[index]!;
  }
  return hops[0] ?? remote;
}
