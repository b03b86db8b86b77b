/** Text made safe for HTML and XML: characters XML cannot carry removed, markup escaped. */

/**
 * Removes what XML 1.0 cannot carry (C0 controls other than tab, LF and CR, U+FFFE, U+FFFF
 * and unpaired surrogates): one such character makes a whole feed unreadable.
 */
export function stripIllegalXmlChars(text: string): string {
  return text.replace(
    /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '',
  );
}

/** Escapes text for HTML and XML content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text for a quoted attribute value. */
export function attribute(value: string): string {
  return escapeHtml(stripIllegalXmlChars(value));
}
