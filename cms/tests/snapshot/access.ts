/** Who may read the snapshot, and the public URL its images carry. */
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { envRestorer } from '@campaign-desk/testing/env';
import { bootCms } from '@campaign-desk/testing/strapi';
import { snapshotPageSchema } from '@campaign-desk/shared';
import { cms, cursorOf, get, make, token } from './records';

export function accessAndPublicUrl(): void {
  describe('access', () => {
    it('asks for an API token', async () => {
      expect((await get('', null)).status).toBe(401);
      expect((await get('', 'not-a-token')).status).toBe(401);
    });

    it('accepts a read-only token', async () => {
      expect((await get()).status).toBe(200);
    });

    it.each([
      ['?limit=0', 'limit'],
      ['?limit=abc', 'limit'],
      ['?limit=100000', 'limit'],
      ['?cursor=garbage', 'cursor'],
      ['?since=eyJ2IjoyfQ', 'cursor'],
      ['?page=2', 'page'],
      ['?cursor=a&since=b', 'either cursor'],
      // Numbers no row can have: PostgreSQL would refuse them (a 500) if they reached it.
      [`?since=${cursorOf({ v: 1, seq: 1e15 })}`, 'since: seq is out of range'],
      [`?since=${cursorOf({ v: 1, seq: -1 })}`, 'since: seq is out of range'],
      [`?cursor=${cursorOf({ v: 1, seq: 0, type: 'story', afterId: 2 ** 31 })}`, 'cursor: afterId is out of range'],
      [`?cursor=${cursorOf({ v: 1, seq: 2 ** 53, type: 'story', afterId: 0 })}`, 'cursor: seq is out of range'],
    ])('answers %s with a 400 that says what is wrong', async (query, words) => {
      const { status, body } = await get(query);
      expect(status).toBe(400);
      expect((body.error as { message: string }).message).toContain(words);
    });
  });

  describe('the public URL', () => {
    it('makes image URLs from the configured address, whatever Host a request names', async () => {
      const cover = await make.image('host-test');
      const story = await make.story({ title: '封面地址不随请求变化', cover: cover.id });
      const body = await new Promise<string>((resolve, reject) => {
        const { port } = new URL(cms.url);
        const outgoing = request(
          {
            host: '127.0.0.1',
            port,
            path: '/api/campaign-desk/snapshot?limit=500',
            headers: { Host: 'attacker.example', Authorization: `Bearer ${token}` },
          },
          (response) => {
            let text = '';
            response
              .setEncoding('utf8')
              .on('data', (chunk: string) => (text += chunk))
              .on('end', () => resolve(text));
          },
        );
        outgoing.on('error', reject).end();
      });
      expect(body).not.toContain('attacker.example');
      const carried = snapshotPageSchema.parse(JSON.parse(body)).records.find((record) => record.documentId === story.documentId);
      expect(carried?.type === 'story' && carried.cover?.url).toBe(`${cms.url}/uploads/host-test_hash.jpg`);
    });

    it('must be configured in production: start-up refuses without PUBLIC_URL and says so', async () => {
      const restoreEnv = envRestorer();
      try {
        delete process.env.PUBLIC_URL;
        await expect(bootCms({ ...cms.env, NODE_ENV: 'production' })).rejects.toThrow(/PUBLIC_URL is not set: in production/);
        await expect(bootCms({ ...cms.env, NODE_ENV: 'production', PUBLIC_URL: 'cms.example.cn' })).rejects.toThrow(
          'PUBLIC_URL ("cms.example.cn") is not an absolute http(s) URL',
        );
      } finally {
        restoreEnv();
      }
    });
  });
}
