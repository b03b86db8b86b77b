/**
 * A question as editors write it (options one a line, the right ones as letters) read into
 * what is shown and what is checked, with every problem named by its field in the editors'
 * words. Pure: the saved-row check (rules/quiz-shape.ts) and the freeze at publish use it.
 */
import { OPTION_COUNT, OPTION_MAX_CHARS, cleanText, charCount, optionLetter, type QuestionKind } from '@campaign-desk/shared';

export type QuestionRow = {
  documentId: string;
  text?: string | null;
  kind?: string | null;
  options?: string | null;
  answer?: string | null;
  explanation?: string | null;
  clause?: { documentId: string; opinion?: { documentId: string } | null } | null;
};

/** A question ready to be shown (text, options) and checked (answer, explanation). */
export type FrozenQuestion = {
  documentId: string;
  text: string;
  kind: QuestionKind;
  options: string[];
  answer: number[];
  explanation: string;
  clauseId: string;
  opinionId: string;
};

export type Problem = { field: 'text' | 'kind' | 'options' | 'answer' | 'explanation' | 'clause'; label: string; message: string };

const LABELS: Record<Problem['field'], string> = {
  text: '题干',
  kind: '题型',
  options: '选项',
  answer: '正确答案',
  explanation: '答案解析',
  clause: '考查的条款',
};

const problem = (field: Problem['field'], message: string): Problem => ({ field, label: LABELS[field], message });

export function optionsOf(value: string | null | undefined): string[] {
  return (value ?? '')
    .split('\n')
    .map((line) => cleanText(line, { singleLine: true }))
    .filter((line) => line !== '');
}

/** The question read, or what is wrong with it. */
export function readQuestion(row: QuestionRow): { question: FrozenQuestion } | { problems: Problem[] } {
  const problems: Problem[] = [];
  const text = cleanText(row.text ?? '');
  if (!text) problems.push(problem('text', '请填写题干'));
  const kind = row.kind === 'multiple' ? 'multiple' : row.kind === 'single' ? 'single' : null;
  if (!kind) problems.push(problem('kind', '请选择单选题或多选题'));
  const options = optionsOf(row.options);
  if (options.length < OPTION_COUNT.min || options.length > OPTION_COUNT.max)
    problems.push(problem('options', `应有 ${OPTION_COUNT.min}～${OPTION_COUNT.max} 个选项，每行一个（现在 ${options.length} 个）`));
  const tooLong = options.findIndex((option) => charCount(option) > OPTION_MAX_CHARS);
  if (tooLong >= 0) problems.push(problem('options', `选项 ${optionLetter(tooLong)} 超过 ${OPTION_MAX_CHARS} 个字`));
  const letters = (row.answer ?? '')
    .toUpperCase()
    .split(/[\s,，、;；]+/)
    .filter(Boolean);
  const answer = [...new Set(letters.map((letter) => (/^[A-Z]$/.test(letter) ? letter.charCodeAt(0) - 65 : -1)))].sort((a, b) => a - b);
  if (answer.length === 0) problems.push(problem('answer', '请填写正确选项的字母，如“B”或“A,C”'));
  else if (answer.some((index) => index < 0 || index >= options.length))
    problems.push(problem('answer', `只能填选项中有的字母（A～${optionLetter(Math.max(options.length, 1) - 1)}）`));
  else if (kind === 'single' && answer.length !== 1) problems.push(problem('answer', '单选题只能有一个正确选项'));
  else if (kind === 'multiple' && answer.length === options.length) problems.push(problem('answer', '多选题不能所有选项都正确'));
  const explanation = cleanText(row.explanation ?? '');
  if (!explanation) problems.push(problem('explanation', '请填写答案解析'));
  const clauseId = row.clause?.documentId;
  const opinionId = row.clause?.opinion?.documentId;
  if (!clauseId || !opinionId) problems.push(problem('clause', '请选择这道题考查的《意见》条款'));
  if (problems.length > 0) return { problems };
  return {
    question: { documentId: row.documentId, text, kind: kind!, options, answer, explanation, clauseId: clauseId!, opinionId: opinionId! },
  };
}

/** How a question is named in a refusal: its text's beginning. */
export function questionName(row: { text?: string | null; documentId?: string }): string {
  const text = cleanText(row.text ?? '', { singleLine: true });
  return text
    ? `竞答题目“${[...text].slice(0, 20).join('')}${charCount(text) > 20 ? '…' : ''}”`
    : `竞答题目 ${row.documentId ?? ''}`.trim();
}
