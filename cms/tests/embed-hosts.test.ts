/** The allow-list of platforms a page may frame: entries read (and refused) at start, links matched against them. */
import { describe, expect, it } from 'vitest';
import config from '../src/plugins/campaign-desk/server/src/config';
import { embedHostSchema, mayEmbed } from '../src/plugins/campaign-desk/server/src/config/embed-hosts';

const KEY = Buffer.alloc(32, 1).toString('base64');
const withHosts = (embedHosts: unknown) => () => config.validator({ participation: { key: KEY }, media: { embedHosts } } as never);

describe('the allow-list of framed platforms (media.embedHosts)', () => {
  it('reads a host, or a host and the path its players are under', () => {
    expect(embedHostSchema.parse(' Player.Bilibili.com/player.html ')).toEqual({ host: 'player.bilibili.com', path: '/player.html' });
    expect(embedHostSchema.parse('v.qq.com/txp/iframe/')).toEqual({ host: 'v.qq.com', path: '/txp/iframe/' });
    expect(embedHostSchema.parse('player.youku.com')).toEqual({ host: 'player.youku.com', path: '/' });
  });

  it.each([
    'https://player.bilibili.com',
    'player.bilibili.com:8443',
    '*.bilibili.com',
    'evil.example@player.bilibili.com',
    'javascript:alert(1)',
    '127.0.0.1',
    'localhost',
    'player.bilibili.com/../admin',
    'player.bilibili.com//evil.example',
    'player.bilibili.com/player.html?bvid=1',
    'player.bilibili.com/a b',
    '',
  ])('refuses %j at start, naming the setting and saying what it takes', (entry) => {
    expect(withHosts([entry])).toThrow(/^campaign-desk plugin config: media\.embedHosts\.0: .*只接受“主机名”或“主机名\/路径前缀”/);
  });

  it('starts with the defaults, each a platform’s player path', () => {
    expect(withHosts(undefined)).not.toThrow();
    expect(withHosts(['player.bilibili.com/player.html'])).not.toThrow();
  });

  it('matches a link on the host exactly and under the path by whole segments, after the URL is resolved', () => {
    const allowed = ['player.bilibili.com/player.html', 'v.qq.com/txp/iframe/', 'player.youku.com'].map((entry) =>
      embedHostSchema.parse(entry),
    );
    const may = (url: string) => mayEmbed(new URL(url), allowed);
    expect(may('https://player.bilibili.com/player.html?bvid=BV1')).toBe(true);
    expect(may('https://v.qq.com/txp/iframe/player.html?vid=x')).toBe(true);
    expect(may('https://player.youku.com/embed/X')).toBe(true);
    for (const url of [
      'https://player.bilibili.com/player.htmlx',
      'https://player.bilibili.com/upload/evil.html',
      'https://player.bilibili.com/player.html/../upload/evil.html',
      'https://player.bilibili.com/%2e%2e/upload',
      'https://v.qq.com/x/cover/evil.html',
      'https://v.qq.com/txp/iframex/player.html',
      'http://player.youku.com/embed/X',
      'https://user@player.youku.com/embed/X',
      'https://player.youku.com:8443/embed/X',
      'https://evil.player.youku.com/embed/X',
      'https://player.youku.com.evil.example/embed/X',
    ]) {
      expect(may(url), url).toBe(false);
    }
  });
});
