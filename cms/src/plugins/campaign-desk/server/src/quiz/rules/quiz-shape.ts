/**
 * A question is saved only complete (its options, its right letters among them, its
 * explanation and its clause), and a quiz only with a closing time after its opening time:
 * judged on the saved row inside the write's transaction, whatever door it came through
 * (partial updates included), and refused naming the record and the field.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { UID } from '../../../../common/names';
import { documentIdOf, editOf, paramsOf } from '../../document-service/actions';
import { step, type Step } from '../../document-service/pipeline';
import { questionName, readQuestion, type QuestionRow } from '../questions';

export default (strapi: Core.Strapi): Step =>
  step('quizShape', ['create', 'update'], (context) => {
    const params = paramsOf(context);
    if ((context.uid !== UID.quizQuestion && context.uid !== UID.quiz) || !editOf(context.action, params)) return;
    return async (result) => {
      const documentId = documentIdOf(params, result);
      if (context.uid === UID.quiz) {
        const quizzes = (await strapi.db.query(UID.quiz).findMany({
          select: ['title', 'opensAt', 'closesAt'],
          where: { documentId },
        })) as Array<{ title: string; opensAt: string | null; closesAt: string | null }>;
        for (const quiz of quizzes) {
          if (quiz.opensAt && quiz.closesAt && new Date(quiz.closesAt) <= new Date(quiz.opensAt))
            throw new errors.ValidationError(`知识竞答《${quiz.title}》的“结束时间”须晚于“开始时间”`, {
              errors: [{ path: ['closesAt'], message: '结束时间须晚于开始时间', name: 'ValidationError' }],
            });
        }
        return;
      }
      const row = (await strapi.db.query(UID.quizQuestion).findOne({
        where: { documentId },
        populate: { clause: { select: ['documentId'], populate: { opinion: { select: ['documentId'] } } } },
      })) as QuestionRow | null;
      if (!row) return;
      const read = readQuestion(row);
      if ('problems' in read) {
        const described = read.problems.map((problem) => `“${problem.label}”：${problem.message}`).join('；');
        throw new errors.ValidationError(`${questionName(row)}${described}`, {
          errors: read.problems.map((problem) => ({ path: [problem.field], message: problem.message, name: 'ValidationError' })),
        });
      }
    };
  });
