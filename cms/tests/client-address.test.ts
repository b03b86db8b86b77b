/** Which address a request to the public route counts against: the decisions that need no Strapi. */
import { describe, expect, it } from 'vitest';
import { clientAddress, countedAs, proxiesOf } from '../src/plugins/campaign-desk/server/src/participation/client-address';

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

  it('believes proxies named by CIDR range, IPv4 and IPv6, and nothing outside them', () => {
    const trusted = proxiesOf(['10.0.0.0/8', '2001:db8:aa::/48', '::ffff:192.0.2.1']);
    expect(clientAddress('10.20.30.40', '203.0.113.9', trusted)).toBe('203.0.113.9');
    expect(clientAddress('::ffff:10.1.2.3', '203.0.113.9, 10.9.9.9', trusted)).toBe('203.0.113.9');
    expect(clientAddress('2001:db8:aa:1::5', '198.51.100.4', trusted)).toBe('198.51.100.4');
    expect(clientAddress('192.0.2.1', '198.51.100.4', trusted)).toBe('198.51.100.4');
    expect(clientAddress('11.0.0.1', '203.0.113.9', trusted)).toBe('11.0.0.1');
    expect(clientAddress('2001:db8:ab::5', '198.51.100.4', trusted)).toBe('2001:db8:ab::5');
  });

  it.each([
    ['a forged left-most hop', '1.1.1.1, 203.0.113.9', '203.0.113.9'],
    ['junk between hops', 'unknown, 203.0.113.9, <script>', '203.0.113.9'],
    ['a port, an obfuscated spelling and a range', '203.0.113.9:80, 0x7f.1, 10.0.0.0/8, 198.51.100.7', '198.51.100.7'],
    ['only proxies', '10.0.0.1, 10.0.0.2', '10.0.0.1'],
    ['nothing usable', ' , ,garbage', '10.0.0.3'],
  ])('reads X-Forwarded-For with %s from a trusted range as the nearest client', (_, header, client) => {
    expect(clientAddress('10.0.0.3', header, proxiesOf(['10.0.0.0/8']))).toBe(client);
  });
});
