/**
 * Labels a page shows in Latin letters only: its rendered text (including text hidden for
 * all but screen readers) and the placeholders and tooltips of its rendered elements, less
 * what is not a label (values records and settings hold, such as slugs, emails and
 * addresses), the terms a Chinese admin keeps in Latin letters, and the few words Strapi
 * writes in English without a message id (which no translation can reach).
 */
import type { Page } from 'playwright-core';

const HAN = /\p{Script=Han}/u;

/** Terms kept in Latin letters, each for a reason. */
const ALLOWED_TERMS = [
  // the issue's own examples
  'ID',
  'slug',
  'URL',
  'H5',
  // names of products, and technical terms Chinese software keeps as they are
  'Strapi',
  'API',
  'Webhook',
  'Webhooks',
  'AI',
  'JSON',
  'UID',
  'CSV',
  'SMTP',
  'TLS',
  'DKIM',
  'OAuth2',
  'GraphQL',
  'Sentry',
  'Figma',
];

/**
 * Words Strapi 5.54 writes into its pages in English, with no message id: the users list's
 * state badge, the locale table's (visually hidden) actions header, the edition's name on
 * the overview page, and the name of the email provider in use.
 */
const WRITTEN_BY_STRAPI = new Set(['Active', 'Inactive', 'Actions', 'Community', 'sendmail']);

/** Values records and settings hold, which a page shows as they are. */
const DATA_VALUES = [
  /[\w.+-]+@[\w-]+(\.[\w-]+)+/g, // email addresses
  /https?:\/\/\S+/g, // addresses
  /\b[a-z0-9]+(-[a-z0-9]+)+\b/g, // slugs
  /\b[a-z0-9]{24}\b/g, // document ids
  /\bv?\d+(\.\d+)+\b/g, // versions
  /\S+\.(png|jpe?g|webp|gif|svg)\b/gi, // file names
];

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const ALLOWED = ALLOWED_TERMS.map((term) => new RegExp(`(?<![A-Za-z])${escapeRegExp(term)}(?![A-Za-z])`, 'gi'));

/** Whether `text` is a label in Latin letters only; `values` are record values, not labels. */
export function isLatinLabel(text: string, values: ReadonlySet<string>): boolean {
  if (HAN.test(text) || values.has(text) || WRITTEN_BY_STRAPI.has(text)) return false;
  let rest = text;
  for (const pattern of [...DATA_VALUES, ...ALLOWED]) rest = rest.replace(pattern, ' ');
  return /[A-Za-z]{2,}/.test(rest);
}

/** The page's labels in Latin letters only, each once, with the attribute it was found in. */
export async function latinLabels(page: Page, values: ReadonlySet<string>): Promise<string[]> {
  const shown = await page.evaluate(() => {
    const found: string[] = [];
    const rendered = (element: Element | null) => Boolean(element && element.checkVisibility());
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      const parent = node.parentElement;
      if (!text || !parent || ['SCRIPT', 'STYLE', 'NOSCRIPT'].includes(parent.tagName) || !rendered(parent)) continue;
      found.push(text);
    }
    for (const element of document.body.querySelectorAll('[placeholder], [title]')) {
      if (!rendered(element)) continue;
      for (const name of ['placeholder', 'title']) {
        const value = element.getAttribute(name)?.trim();
        if (value) found.push(`${value} [${name}]`);
      }
    }
    return found;
  });
  return [...new Set(shown.filter((text) => isLatinLabel(text.replace(/ \[(placeholder|title)\]$/, ''), values)))];
}
