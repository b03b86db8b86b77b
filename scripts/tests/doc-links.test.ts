/** Every relative link and image of the README and docs/ leads somewhere (scripts/lib/doc-links.ts). */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { anchorOf, brokenLinks, docFiles } from '../lib/doc-links';
import { repoRoot } from '../lib/paths';

describe('the docs of this repository', () => {
  it('link only to files and headings that exist', () => {
    const broken = brokenLinks(docFiles(repoRoot)).map(
      ({ file, line, target, problem }) => `${path.relative(repoRoot, file)}:${line} ${target}: ${problem}`,
    );
    expect(broken).toEqual([]);
  });
});

describe('the check', () => {
  let dir: string | undefined;
  afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('names headings as GitHub does, Chinese included', () => {
    expect(anchorOf('Review (三审)')).toBe('review-三审');
    expect(anchorOf('登记上稿（转载、刊播）')).toBe('登记上稿转载刊播');
    expect(anchorOf("The publisher's `/status`")).toBe('the-publishers-status');
  });

  it('finds a missing page, a missing image and a missing heading, and nothing in code or on the web', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'campaign-doc-links-'));
    mkdirSync(path.join(dir, 'docs', 'images'), { recursive: true });
    writeFileSync(path.join(dir, 'docs', 'images', 'here.png'), '');
    writeFileSync(path.join(dir, 'docs', '手册.md'), '# 手册\n\n## 三审流程\n');
    writeFileSync(
      path.join(dir, 'README.md'),
      [
        '[ok](docs/手册.md#三审流程) [ok](docs/%E6%89%8B%E5%86%8C.md) ![ok](docs/images/here.png) [web](https://example.org/x.md)',
        '[gone](docs/gone.md) ![gone](docs/images/gone.png) [anchor](docs/手册.md#没有这节) [self](#nowhere)',
        '`[code](docs/in-code.md)`',
        '```',
        '[fenced](docs/in-fence.md)',
        '```',
      ].join('\n'),
    );
    const found = brokenLinks(docFiles(dir)).map(({ line, target }) => `${line} ${target}`);
    expect(found).toEqual(['2 docs/gone.md', '2 docs/images/gone.png', '2 docs/手册.md#没有这节', '2 #nowhere']);
  });
});
