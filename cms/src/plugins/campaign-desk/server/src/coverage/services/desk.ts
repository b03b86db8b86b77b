/**
 * The coverage desk (报道统筹): what each person should see first when they open the admin.
 * A reporter, their own topics (我的选题); an editor, the open topics due this week and the
 * ones past their day. Weeks run Monday to Sunday, days are Asia/Shanghai's.
 */
import type { Core } from '@strapi/strapi';
import { shanghaiDate, type TopicStatus } from '@campaign-desk/shared';
import { UID } from '../../../../common/names';
import type { Desk, DeskTopic } from '../../../../common/desk-api';
import { OPEN_TOPIC_STATUSES } from '../../../../common/topic-statuses';
import { weekOf } from '../../../../common/weeks';
import { defineService, getService } from '../../utils';
import people from '../../newsroom/services/people';
import type { AdminUser } from '../../request-context';

const LIMIT = 100;

type Row = {
  documentId: string;
  title: string;
  progress: TopicStatus;
  dueOn: string | Date | null;
  sample: boolean | null;
  plan: { title: string; outlet: { name: string } | null } | null;
  column: { name: string } | null;
  reporters: Array<{ name: string }>;
  stories: Array<{ documentId: string }>;
};

const populate = {
  plan: { select: ['title'], populate: { outlet: { select: ['name'] } } },
  column: { select: ['name'] },
  reporters: { select: ['name'] },
  stories: { select: ['documentId'] },
};

const calendarDay = (value: string | Date | null) => (value instanceof Date ? value.toISOString().slice(0, 10) : value);

function view(row: Row): DeskTopic {
  return {
    documentId: row.documentId,
    title: row.title,
    progress: row.progress,
    dueOn: calendarDay(row.dueOn),
    plan: row.plan?.title ?? null,
    outlet: row.plan?.outlet?.name ?? null,
    column: row.column?.name ?? null,
    reporters: row.reporters.map((reporter) => reporter.name),
    stories: new Set(row.stories.map((story) => story.documentId)).size,
    sample: Boolean(row.sample),
  };
}

export default defineService('desk', ({ strapi }: { strapi: Core.Strapi }) => {
  const topics = (where: Record<string, unknown>, orderBy: Array<Record<string, 'asc' | 'desc'>>) =>
    strapi.db.query(UID.topic).findMany({ where, populate, orderBy, limit: LIMIT }) as Promise<Row[]>;

  return {
    async of(user: AdminUser, now = new Date()): Promise<Desk> {
      const today = shanghaiDate(now);
      const weekEnds = weekOf(today).sunday;
      const staff = await getService(strapi, people).staffOf(user);
      const open = { progress: { $in: OPEN_TOPIC_STATUSES } };
      const mine = staff ? await topics({ reporters: { documentId: staff.documentId } }, [{ dueOn: 'asc' }, { id: 'asc' }]) : [];
      const isOpen = (topic: Row) => OPEN_TOPIC_STATUSES.includes(topic.progress);
      return {
        today,
        weekEnds,
        staff: staff ? { name: staff.name, outlet: staff.outletName } : null,
        mine: [...mine.filter(isOpen), ...mine.filter((topic) => !isOpen(topic))].map(view),
        dueThisWeek: (await topics({ ...open, dueOn: { $gte: today, $lte: weekEnds } }, [{ dueOn: 'asc' }, { id: 'asc' }])).map(view),
        overdue: (await topics({ ...open, dueOn: { $lt: today } }, [{ dueOn: 'asc' }, { id: 'asc' }])).map(view),
      };
    },
  };
});
