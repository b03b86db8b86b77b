/**
 * The short-lived token that lets one draft be previewed: the CMS makes it for someone signed
 * into the admin who may read the story, the publisher checks it before rendering, and the
 * CMS checks it again before handing the draft over, and checks that the person it was made for
 * may still read the story (a token outlives no one's access). `<documentId>.<admin user id>.<expiry,
 * unix seconds>.<HMAC>`, the HMAC-SHA256 under a key derived from the build hook's secret (which both already hold),
 * so a token is no event signature and an event signature no token.
 */
const utf8 = new TextEncoder();

/** How long a preview link works. */
export const PREVIEW_TOKEN_SECONDS = 10 * 60;

const TOKEN = /^([A-Za-z0-9]{1,64})\.(\d{1,12})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/;

async function previewKey(secret: string) {
  const root = await crypto.subtle.importKey('raw', utf8.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const derived = await crypto.subtle.sign('HMAC', root, utf8.encode('campaign-desk preview token'));
  return crypto.subtle.importKey('raw', derived, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
}

function base64url(bytes: ArrayBuffer): string {
  return btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');
}

/** A token for `documentId`'s draft, made for the admin user `viewerId`, good until `now` + PREVIEW_TOKEN_SECONDS. */
export async function signPreviewToken(secret: string, documentId: string, viewerId: number, now = new Date()): Promise<string> {
  const expires = Math.floor(now.getTime() / 1000) + PREVIEW_TOKEN_SECONDS;
  const payload = `${documentId}.${viewerId}.${expires}`;
  return `${payload}.${base64url(await crypto.subtle.sign('HMAC', await previewKey(secret), utf8.encode(payload)))}`;
}

export type PreviewTokenCheck = { ok: true; documentId: string; viewerId: number } | { ok: false; reason: string };

/** Whether `token` was made with `secret` and is still good; why not, in Chinese, if not. */
export async function verifyPreviewToken(secret: string, token: string, now = new Date()): Promise<PreviewTokenCheck> {
  const match = TOKEN.exec(token);
  if (!match) return { ok: false, reason: '预览链接无效' };
  const [, documentId, viewer, expires, signature] = match as unknown as [string, string, string, string, string];
  const mac = Uint8Array.from(atob(signature.replaceAll('-', '+').replaceAll('_', '/')), (char) => char.charCodeAt(0));
  // Web Crypto's verify compares in constant time.
  if (!(await crypto.subtle.verify('HMAC', await previewKey(secret), mac, utf8.encode(`${documentId}.${viewer}.${expires}`)))) {
    return { ok: false, reason: '预览链接无效' };
  }
  if (Number(expires) * 1000 <= now.getTime()) return { ok: false, reason: '预览链接已过期，请回到后台重新打开预览' };
  return { ok: true, documentId, viewerId: Number(viewer) };
}
