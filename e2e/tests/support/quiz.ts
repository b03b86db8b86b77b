/** The sample 知识竞答 (scripts/seed/sample-quiz.ts) as a reader answers it, and the site checked for its answers. */
import { lstatSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { sampleQuizzes } from '../../../scripts/seed/sample-quiz';
import type { CampaignSystem } from './system';

type SampleQuiz = ReturnType<typeof sampleQuizzes>['quizzes'][number];

/** Answers every question of the sample quiz right but the first, and checks what the reader is shown. */
export async function quizIsAnswered(system: CampaignSystem, page: Page, javaScript: boolean): Promise<void> {
  await page.goto(system.publisher.pageUrl('/quiz/yijian-zhishi-jingda/'));
  const widths = (await page.evaluate('[document.documentElement.scrollWidth, window.innerWidth]')) as [number, number];
  expect(widths[0]).toBeLessThanOrEqual(widths[1]);
  await page.getByLabel('A. 全省特色产业增长极').check();
  await page.getByLabel('A. 龙头企业做大做强').check();
  await page.getByLabel('B. 中小企业专精特新').check();
  await page.getByLabel('B. 深、实、严、细、久').check();
  await page.getByLabel('B. 绿水青山就是金山银山').check();
  await page.getByLabel('A. “双宣讲”活动').check();
  await page.getByLabel('昵称（选填）').fill(javaScript ? '咸安读者' : '通山读者');
  if (javaScript) {
    await page.getByRole('button', { name: '交卷' }).click();
    await expect.poll(() => page.locator('#quiz .form-status').textContent(), { timeout: 60_000 }).toContain('答对 4 题，共 5 题');
    const first = page.locator('fieldset.question').first();
    expect(await first.getAttribute('data-correct')).toBe('false');
    expect(await first.locator('.verdict').textContent()).toContain('✗ 答错了。你的答案：A');
    expect(await first.locator('.verdict').textContent()).not.toContain('正确答案');
    expect(await first.locator('.verdict a').first().getAttribute('href')).toMatch(/\/zt\/liuda\/opinions\/yijian\/#clause-/);
    await posterIsShown(system, page, page.getByRole('link', { name: '生成答题海报，分享到朋友圈' }));
    return;
  }
  await Promise.all([page.waitForURL(/\/participation\/quiz\/yijian-zhishi-jingda$/), page.getByRole('button', { name: '交卷' }).click()]);
  const text = await page.locator('body').textContent();
  expect(text).toContain('答对 4 题，共 5 题');
  expect(text).toContain('你的答案：A');
  expect(text).not.toContain('正确答案');
  expect(text).toContain('“三个定位”是全省特色产业增长极');
  expect(await page.getByRole('link', { name: '返回竞答页面' }).getAttribute('href')).toBe(
    system.publisher.pageUrl('/quiz/yijian-zhishi-jingda/'),
  );
  await posterIsShown(system, page, page.getByRole('link', { name: '生成答题海报，分享到朋友圈' }));
}

/** The reader's result poster (4 of 5), drawn when the quiz was published, as the result links it. */
async function posterIsShown(system: CampaignSystem, page: Page, link: ReturnType<Page['getByRole']>): Promise<void> {
  const url = system.publisher.pageUrl('/quiz/yijian-zhishi-jingda/haibao/4/');
  expect(await link.getAttribute('href')).toBe(url);
  await Promise.all([page.waitForURL(url), link.click()]);
  const poster = page.locator('.quiz-poster img');
  await expect.poll(() => poster.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(750);
  const widths = (await page.evaluate('[document.documentElement.scrollWidth, window.innerWidth]')) as [number, number];
  expect(widths[0]).toBeLessThanOrEqual(widths[1]);
}

/** Every file under `dir` (links not followed: a release's links lead to files also under it). */
function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir)) {
    const file = path.join(dir, entry);
    const stat = lstatSync(file);
    if (stat.isDirectory()) yield* files(file);
    else if (stat.isFile()) yield file;
  }
}

export function siteHoldsNoAnswers(dataDir: string, quizzes: SampleQuiz[]): void {
  const secrets = quizzes.flatMap((quiz) => quiz.questions.map((question) => question.explanation));
  let pages = 0;
  for (const file of files(dataDir)) {
    if (/\.(br|gz|zst|png|jpe?g|webp|avif|woff2?)$/.test(file)) continue;
    const text = readFileSync(file, 'utf8');
    if (text.includes('yijian-zhishi-jingda')) pages += 1;
    for (const secret of secrets) expect(text.includes(secret), `${file} holds an explanation`).toBe(false);
    expect(/"(answer|explanation)"\s*:/.test(text), `${file} holds an answer`).toBe(false);
  }
  // The quiz's page and the snapshot's copy of it were among the files read.
  expect(pages).toBeGreaterThan(1);
}
