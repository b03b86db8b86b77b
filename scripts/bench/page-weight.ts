/**
 * What a reader downloads for a story page before pressing anything: its HTML (as sent, brotli)
 * and the script in it; and what 听 costs, on the page (its loader and button) and on the press
 * (the reader, listen.js). The page without 听 is the same HTML with those two taken out.
 */
import { brotliCompressSync, constants } from 'node:zlib';

const brotli = (text: string) => brotliCompressSync(Buffer.from(text), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const bytes = (text: string) => Buffer.byteLength(text);

export async function storyPageWeight(siteUrl: string, sitePath: string) {
  const html = await (await fetch(`${siteUrl}${sitePath}`)).text();
  const scripts = [...html.matchAll(/<script(?![^>]*application\/ld\+json)([^>]*)>([\s\S]*?)<\/script>/g)];
  const external = scripts.filter(([, attributes]) => /\ssrc=/.test(attributes ?? '')).length;
  const inline = scripts.reduce((sum, [, , body]) => sum + bytes(body ?? ''), 0);
  const loader =
    /;\(function\(d,w\)\{d\.addEventListener\("DOMContentLoaded"[\s\S]*?\}\)\(document,window\)(?=<\/script>)/.exec(html)?.[0] ?? '';
  const button = /<button type="button" class="listen"[\s\S]*?<\/button>/.exec(html)?.[0] ?? '';
  const without = html.replace(loader, '').replace(button, '');
  const reader = await (await fetch(`${siteUrl}/listen.js`)).text();
  return {
    sitePath,
    htmlBytes: bytes(html),
    brotliBytes: brotli(html),
    inlineScriptBytes: inline,
    externalScripts: external,
    withoutListen: { htmlBytes: bytes(without), brotliBytes: brotli(without) },
    listenLoaderBytes: bytes(loader),
    listenButtonBytes: bytes(button),
    readerOnPressBytes: bytes(reader),
    readerOnPressBrotliBytes: brotli(reader),
  };
}
