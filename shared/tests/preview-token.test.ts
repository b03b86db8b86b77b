import { describe, expect, it } from 'vitest';
import { PREVIEW_TOKEN_SECONDS, signPreviewToken, verifyPreviewToken } from '../src/preview-token';

const SECRET = 'hook-secret-0123456789';

describe('the preview token', () => {
  it('lets its draft be previewed until it expires', async () => {
    const now = new Date('2026-12-08T00:00:00Z');
    const token = await signPreviewToken(SECRET, 'abc123', 7, now);
    expect(await verifyPreviewToken(SECRET, token, now)).toEqual({ ok: true, documentId: 'abc123', viewerId: 7 });
    const later = new Date(now.getTime() + PREVIEW_TOKEN_SECONDS * 1000);
    expect(await verifyPreviewToken(SECRET, token, later)).toEqual({ ok: false, reason: '预览链接已过期，请回到后台重新打开预览' });
  });

  it('is refused when made with another secret, for another draft or person, or not a token at all', async () => {
    const token = await signPreviewToken(SECRET, 'abc123', 7);
    const invalid = { ok: false, reason: '预览链接无效' };
    expect(await verifyPreviewToken('another-secret-0123456789', token)).toEqual(invalid);
    expect(await verifyPreviewToken(SECRET, token.replace('abc123', 'abc124'))).toEqual(invalid);
    expect(await verifyPreviewToken(SECRET, token.replace('abc123.7.', 'abc123.8.'))).toEqual(invalid);
    for (const bad of [
      '',
      'abc123',
      'abc123.99999999999.x',
      'abc123.1.99999999999.x',
      `${token}x`,
      '../etc.1.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    ]) {
      expect(await verifyPreviewToken(SECRET, bad)).toEqual(invalid);
    }
  });
});
