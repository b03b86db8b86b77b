/** Links people typed, judged for a site under a portal's path by the site's address (as the publisher's link check judges the templates'). */
import { expect, test } from 'vitest';
import { SiteAddress } from '@campaign-desk/shared';
import { checkPersonLinks } from '../../src/render/person-links';

const site = new SiteAddress('https://portal.example.gov.cn/zt/liuda/');
const published = new Set(['/', '/stories/a/', '/media/x.jpg']);
const judge = (...urls: string[]) =>
  checkPersonLinks(
    urls.map((url) => ({ url, where: '稿件《甲》的正文（body）' })),
    site,
    (path) => published.has(path),
  );

test('a link under the path leads to a published page or is a warning naming the page as a reader sees it', () => {
  expect(judge('/zt/liuda/', '/zt/liuda', '/zt/liuda/stories/a/', 'https://portal.example.gov.cn/zt/liuda/media/x.jpg')).toEqual([]);
  expect(judge('/zt/liuda/stories/b/')).toEqual([
    '稿件《甲》的正文（body）中的链接 “/zt/liuda/stories/b/” 指向本站不存在的页面 /zt/liuda/stories/b/',
  ]);
  expect(judge('https://portal.example.gov.cn/zt/liuda/%')).toEqual([expect.stringContaining('含有无法解码的字符')]);
});

test('the portal’s other pages and other hosts are not the site’s to judge', () => {
  expect(
    judge('/stories/b/', 'https://portal.example.gov.cn/', '/zt/liudada/', 'https://other.example/zt/liuda/x/', 'mailto:a@example.org'),
  ).toEqual([]);
});
