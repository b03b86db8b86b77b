/**
 * The answer to a plain form post of a quiz (no JavaScript): a page with the score, and per
 * question the reader's mark and choice, the explanation and the links to the clause and its
 * 解读 on the site (never the right letters). Everything shown is escaped.
 */
import { SiteAddress, escapeHtml, type QuizResult } from '@campaign-desk/shared';
import { page } from '../participation/answers';
import type { PublishedQuiz } from './services/quizzes';

export function resultPage(quiz: PublishedQuiz, result: QuizResult, siteUrl: string, quizPath: string): string {
  const link = (url: string, text: string) => (url ? `<a href="${escapeHtml(url)}">${escapeHtml(text)}</a>` : escapeHtml(text));
  const items = result.results
    .map((answer, index) => {
      const question = quiz.questions.find((candidate) => candidate.documentId === answer.documentId)!;
      const readings = answer.readings.length
        ? `<p>解读：${answer.readings.map((reading) => link(reading.url, reading.title)).join('、')}</p>`
        : '';
      return `<li class="${answer.correct ? 'right' : 'wrong'}"><p><strong>第 ${index + 1} 题 ${answer.correct ? '✓ 答对了' : '✗ 答错了'}</strong> ${escapeHtml(question.text)}</p>
<p>你的答案：${escapeHtml(answer.chosen.join('、'))}</p>
<p>${escapeHtml(answer.explanation)}</p><p>出题条款：${link(answer.clause.url, answer.clause.label)}</p>${readings}</li>`;
    })
    .join('');
  return page(
    `${quiz.title} · 答题结果`,
    `<h1>${escapeHtml(quiz.title)}</h1><p class="score">答对 <strong>${result.score}</strong> 题，共 ${result.total} 题。</p>
<p><a href="${escapeHtml(result.poster)}">生成答题海报，分享到朋友圈</a></p>
<ol class="results">${items}</ol><p><a href="${escapeHtml(new SiteAddress(siteUrl).url(quizPath))}">返回竞答页面</a></p>`,
  );
}
