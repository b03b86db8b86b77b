/**
 * 知识竞答's three types: a question (the clause it tests, its options, which are right and
 * why), a quiz (a set of questions open between two instants, published like the campaign's
 * content) and a reader's answers (internal, counted for 统计).
 */
import { OPTION_COUNT, QUESTION_KINDS } from '@campaign-desk/shared';
import { CONTENT_TYPES, UID } from '../../../common/names';
import { editedInContentManager, internal, sample, slug } from '../content-types/attributes';

const quizQuestion = {
  kind: 'collectionType',
  collectionName: 'campaign_desk_quiz_questions',
  info: { ...CONTENT_TYPES.quizQuestion.info, description: '知识竞答的一道题，考查《意见》的一条' },
  options: { draftAndPublish: false },
  pluginOptions: editedInContentManager,
  attributes: {
    text: { type: 'text', required: true, maxLength: 500 },
    kind: { type: 'enumeration', enum: QUESTION_KINDS.map((kind) => kind.key), required: true, default: 'single' },
    /** One option a line, lettered A, B, C… in that order. */
    options: { type: 'text', required: true, maxLength: OPTION_COUNT.max * 210 },
    /** The right options' letters, e.g. `B` or `A,C`. */
    answer: { type: 'string', required: true, maxLength: 20 },
    explanation: { type: 'text', required: true, maxLength: 1000 },
    clause: { type: 'relation', relation: 'manyToOne', target: UID.clause, required: true },
    sample,
  },
};

const quiz = {
  kind: 'collectionType',
  collectionName: 'campaign_desk_quizzes',
  info: { ...CONTENT_TYPES.quiz.info, description: '围绕《意见》的网上知识竞答，由若干题目组成' },
  options: { draftAndPublish: true },
  pluginOptions: editedInContentManager,
  attributes: {
    title: { type: 'string', required: true, maxLength: 100 },
    slug,
    intro: { type: 'text', maxLength: 1000 },
    opensAt: { type: 'datetime', required: true },
    closesAt: { type: 'datetime', required: true },
    questions: { type: 'relation', relation: 'manyToMany', target: UID.quizQuestion },
    sample,
    /**
     * On the published version: its questions as they stood when it was published, answers and
     * explanations included (quiz/services/quizzes.ts). The public record takes only what a reader
     * is shown; the answers are checked against these.
     */
    publishedQuestions: { type: 'json', visible: false, configurable: false, private: true },
  },
};

const quizEntry = {
  kind: 'collectionType',
  collectionName: 'campaign_desk_quiz_entries',
  info: { ...CONTENT_TYPES.quizEntry.info, description: '读者的一份竞答答卷（不含任何个人信息）' },
  options: { draftAndPublish: false },
  pluginOptions: internal,
  attributes: {
    quiz: { type: 'string', required: true, maxLength: 64 },
    /** The Asia/Shanghai day it was answered on (统计: participants per day). */
    answeredOn: { type: 'date', required: true },
    score: { type: 'integer', required: true },
    total: { type: 'integer', required: true },
    /** Per question: its documentId, its clause's and whether the answer was right. */
    results: { type: 'json', required: true },
    nickname: { type: 'string', maxLength: 30 },
    /** Sensitive words the nickname contains, for a moderator's attention. */
    flags: { type: 'json' },
    /** The solved challenge's signature: each admits one set of answers. */
    proof: { type: 'string', unique: true, maxLength: 128 },
  },
};

export default {
  quiz: { schema: quiz },
  'quiz-question': { schema: quizQuestion },
  'quiz-entry': { schema: quizEntry },
};
