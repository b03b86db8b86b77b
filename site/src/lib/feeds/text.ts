/**
 * What every feed does to what it carries: text stripped of what XML cannot hold and escaped,
 * titles on one line, URLs absolute http(s) or a bug upstream.
 */
import { escapeHtml, stripIllegalXmlChars } from '@campaign-desk/shared';

/** Text for XML or HTML: illegal characters removed, markup escaped. */
export function xmlText(text: string): string {
  return escapeHtml(stripIllegalXmlChars(text));
}

/** One line of plain text (for titles): control characters and runs of space collapsed. */
export function plainLine(text: string, max = 300): string {
  const line = stripIllegalXmlChars(text).replace(/\s+/g, ' ').trim();
  return line.length > max
    ? `${Array.from(line)
        .slice(0, max - 1)
        .join('')}…`
    : line;
}

/** Plain text as the HTML of an RSS <description>, written into XML: escaped twice, on purpose. */
export function htmlDescription(text: string): string {
  return xmlText(escapeHtml(plainLine(text, 2000)));
}

export function unique(values: string[]): string[] {
  return [...new Set(values.filter((value) => value.trim() !== ''))];
}

/** Feeds carry absolute http(s) URLs only; anything else is a bug upstream. */
export function absolute(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new RangeError(`Feed URLs must be absolute, got ${JSON.stringify(url)}`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new RangeError(`Feed URLs must be http(s), got ${JSON.stringify(url)}`);
  }
  return parsed.href;
}
