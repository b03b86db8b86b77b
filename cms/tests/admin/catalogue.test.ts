/**
 * The zh-Hans catalogue the admin runs on, checked as data: every message of Strapi's
 * own screens (the ids of its en.json files) has a Chinese text, from Strapi's zh-Hans
 * files or from the app's supplement (cms/src/admin/translations/zh-Hans.json), and
 * every text of the supplement is a message Strapi uses, reads as ICU, and takes the same
 * arguments as the English. The browser test proves the pages; this proves the screens
 * no test walks (dialogs, errors, empty states).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { cmsRequire } from '@campaign-desk/testing/strapi';
import supplement from '../../src/admin/translations/zh-Hans.json';
import { isLatinLabel } from './support/latin-labels';

/**
 * The packages whose screens the newsroom and its administrators use. Strapi's review
 * workflows and releases are Enterprise features, absent from the free edition's screens.
 */
const PACKAGES = ['admin', 'content-manager', 'upload', 'i18n', 'email', 'content-type-builder'] as const;

interface Catalogue {
  /** Message ids as the admin looks them up (a plugin's prefixed with its id), to the English text. */
  en: Map<string, string>;
  zh: Map<string, string>;
  /** The strings the package's compiled admin code holds, among them the ids it uses. */
  literals: Set<string>;
}

const catalogues = new Map<string, Catalogue>();

const strapiRequire = createRequire(cmsRequire.resolve('@strapi/strapi/package.json'));

async function messages(file: string): Promise<Record<string, string>> {
  try {
    return ((await import(pathToFileURL(file).href)) as { default: Record<string, string> }).default;
  } catch {
    return {};
  }
}

function literals(dir: string): Set<string> {
  const found = new Set<string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.mjs') || entry.parentPath.includes('translations')) continue;
    const code = readFileSync(path.join(entry.parentPath, entry.name), 'utf8');
    for (const [, literal] of code.matchAll(/['"`]([^'"`\n]{1,200})['"`]/g)) found.add(literal!);
  }
  return found;
}

beforeAll(async () => {
  for (const name of PACKAGES) {
    const root = path.dirname(strapiRequire.resolve(`@strapi/${name}/package.json`));
    const admin = path.join(root, 'dist', 'admin', ...(name === 'admin' ? ['admin', 'src'] : []));
    const prefix = name === 'admin' ? '' : `${name}.`;
    const ids = (data: Record<string, string>) => new Map(Object.entries(data).map(([id, text]) => [`${prefix}${id}`, text]));
    catalogues.set(name, {
      en: ids(await messages(path.join(admin, 'translations', 'en.json.mjs'))),
      zh: ids(await messages(path.join(admin, 'translations', 'zh-Hans.json.mjs'))),
      literals: literals(admin),
    });
  }
});

/** A message's syntax tree, or null where it is not valid ICU (react-intl then shows it as written). */
function syntax(message: string): MessageFormatElement[] | null {
  try {
    return parse(message, { ignoreTag: false });
  } catch {
    return null;
  }
}

/** The literal text of a message, less ICU syntax, arguments and tags (the message itself where it does not parse). */
function textOf(message: string): string {
  const tree = syntax(message);
  if (!tree) return message;
  const text: string[] = [];
  const collect = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (element.type === TYPE.literal) text.push(element.value);
      if (element.type === TYPE.plural || element.type === TYPE.select)
        for (const option of Object.values(element.options)) collect(option.value);
      if (element.type === TYPE.tag) collect(element.children);
    }
  };
  collect(tree);
  return text.join(' ');
}

const readsChinese = (message: string) => !isLatinLabel(textOf(message), new Set());

/** The arguments and tags a message takes, by name. */
function argumentsOf(tree: MessageFormatElement[]): string {
  const names = new Set<string>();
  const collect = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
      names.add(element.value);
      if (element.type === TYPE.plural || element.type === TYPE.select)
        for (const option of Object.values(element.options)) collect(option.value);
      if (element.type === TYPE.tag) collect(element.children);
    }
  };
  collect(tree);
  return [...names].sort().join(', ');
}

describe('the zh-Hans catalogue of Strapi’s screens', () => {
  it('has a Chinese text for every message of Strapi’s en.json files', () => {
    const missing: string[] = [];
    for (const { en, zh } of catalogues.values()) {
      for (const id of en.keys()) {
        const text = (supplement as Record<string, string>)[id] ?? zh.get(id);
        if (text === undefined || !readsChinese(text)) missing.push(`${id}: ${JSON.stringify(text ?? en.get(id))}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('supplies only messages Strapi uses, with the arguments of the English', () => {
    const problems: string[] = [];
    for (const [id, text] of Object.entries(supplement as Record<string, string>)) {
      const english = [...catalogues.values()].map(({ en }) => en.get(id)).find((message) => message !== undefined);
      // Ids Strapi's code uses without an English entry (their English is the code's default message).
      const inCode = [...catalogues.entries()].some(
        ([name, { literals }]) => literals.has(id) || (id.startsWith(`${name}.`) && literals.has(id.slice(name.length + 1))),
      );
      const tree = syntax(text);
      const englishTree = english === undefined ? null : syntax(english);
      if (english === undefined && !inCode) problems.push(`${id}: not a message Strapi uses`);
      else if (!tree) problems.push(`${id}: not valid ICU`);
      else if (!readsChinese(text)) problems.push(`${id}: not Chinese`);
      else if (englishTree && argumentsOf(tree) !== argumentsOf(englishTree)) {
        problems.push(`${id}: takes ${argumentsOf(tree)} where the English takes ${argumentsOf(englishTree)}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
