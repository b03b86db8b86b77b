import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { expect } from 'vitest';
import { allTags } from './dist';

/** Parses XML strictly: a well-formedness error fails the test with its line. */
export function parseXml(xml: string): any {
  const valid = XMLValidator.validate(xml, { allowBooleanAttributes: false });
  if (valid !== true) throw new Error(`XML is not well-formed: ${JSON.stringify(valid.err)}`);
  // XML 1.0 forbids these characters even escaped; the validator does not check them.
  expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    processEntities: true,
    // fast-xml-parser 5.12 decodes character references (&#39;, XML's own) only with this on; an
    // HTML name (&nbsp;) is not XML and fails the validator above first.
    htmlEntities: true,
    isArray: (name) => ['item', 'outline', 'category', 'dc:creator'].includes(name),
  }).parse(xml);
}

/** Every URL in href/src/srcset attributes of an HTML fragment. */
export function urlsIn(html: string): string[] {
  const urls: string[] = [];
  const tagsOnly = allTags(html)
    .map((tag) => tag.tag)
    .join(' ');
  for (const match of tagsOnly.matchAll(/\s(href|src|srcset)\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))/gi)) {
    const value = (match[3] ?? match[4] ?? match[5] ?? '').replace(/&amp;/g, '&');
    if (match[1]!.toLowerCase() === 'srcset')
      urls.push(
        ...value
          .split(',')
          .map((part) => part.trim().split(/\s+/)[0]!)
          .filter(Boolean),
      );
    else urls.push(value);
  }
  return urls;
}
