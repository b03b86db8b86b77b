/**
 * Syndication: RSS 2.0 (with content:encoded, Dublin Core, Media RSS and Atom self links),
 * JSON Feed 1.1 and OPML. Pure functions of plain data, so they are tested on hostile
 * input without a build: every text is stripped of what XML cannot carry and escaped,
 * every URL handed in must be absolute, and the HTML of a story comes from the shared
 * blocks renderer with every link resolved against the story's own URL.
 *
 * Titles are plain text. A <description> is HTML to an aggregator (it decodes the XML, then
 * renders what it got), so plain text goes into it escaped for HTML first, then for XML:
 * a summary typed as `<img onerror=…>` then reads as those characters, never as markup.
 */
export * from './feeds/formats';
export * from './feeds/items';
export { plainLine, xmlText } from './feeds/text';
