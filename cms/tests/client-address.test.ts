/** Which address a request to the public route counts against: the decisions that need no Strapi. */
import { describe, expect, it } from 'vitest';
import { clientAddress, countedAs } from '../src/plugins/campaign-desk/server/src/participation/client-address';

describe('an address as the rate limits count it', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['2001:db8:85a3:8d3:1319:8a2e:370:7348', '2001:db8:85a3:8d3::/64'],
    ['2001:db8:85a3:8d3::1', '2001:db8:85a3:8d3::/64'],
    ['2001:DB8:85A3:08D3:FFFF::', '2001:db8:85a3:8d3::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['64:ff9b::192.0.2.33', '64:ff9b:0:0::/64'],
  ])('%s counts as %s', (address, counted) => {
    expect(countedAs(address)).toBe(counted);
  });

  it('gives every address of one IPv6 /64 one allowance, and another /64 its own', () => {
    const subscriber = ['2001:db8:1:2::a', '2001:db8:1:2:ffff:ffff:ffff:ffff', '2001:db8:1:2:dead:beef::1'].map(countedAs);
    expect(new Set(subscriber).size).toBe(1);
    expect(countedAs('2001:db8:1:3::a')).not.toBe(subscriber[0]);
  });

  it('believes X-Forwarded-For only from a trusted proxy', () => {
    const trusted = new Set(['127.0.0.1']);
    expect(clientAddress('::ffff:127.0.0.1', '2001:db8::9, 127.0.0.1', trusted)).toBe('2001:db8::9');
    expect(clientAddress('198.51.100.2', '2001:db8::9', trusted)).toBe('198.51.100.2');
  });
});
