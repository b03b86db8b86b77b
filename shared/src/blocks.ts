/**
 * Strapi 5 "blocks" rich text: the schema the contract validates story bodies with, and the
 * one HTML renderer behind both the site's pages and the RSS feeds. Bodies are written by
 * many hands in the CMS, so the renderer trusts nothing: every text is escaped, characters
 * XML cannot carry are removed, and links and images pass only an allow-list of URLs.
 */
export { escapeHtml, stripIllegalXmlChars } from './blocks/escaping';
export { blocksToText } from './blocks/plain-text';
export { type RenderOptions, renderBlocks } from './blocks/render';
export * from './blocks/schema';
export { isAllowedUrl } from './blocks/urls';
