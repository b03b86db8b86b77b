/**
 * Notices (通知): a story reached a stage you act on, came back to you with a reason, was
 * published or failed to publish. Each is kept for its recipient in the admin (the 通知
 * widget) and emailed through Strapi's email plugin when an SMTP server is configured
 * (`notices.email`), as the person chose for that kind (their settings, kept per account).
 *
 * Told after the move or publish committed: a notice never speaks of what was rolled back,
 * and a mail server that is down costs a warning in the log, never the move.
 */
import { type ReviewStage } from '@campaign-desk/shared';
import type { Core } from '@strapi/strapi';
import { PLUGIN_ID, REVIEW_ACTIONS, UID } from '../../../../common/names';
import {
  DEFAULT_NOTICE_SETTINGS,
  NOTICE_KINDS,
  noticeSettingsSchema,
  type NoticeKind,
  type NoticeSettings,
  type Notices,
} from '../../../../common/notices-api';
import { REVIEW_MOVES, stageName } from '../../../../common/review-stages';
import { pluginConfig } from '../../config/read';
import type { AdminUser } from '../../request-context';
import review from '../../review/services/review';
import { defineService, getService } from '../../utils';

/** The review a story waits for at each stage: whoever may make it is told it arrived. */
const NEXT_REVIEW: Partial<Record<ReviewStage, keyof typeof REVIEW_ACTIONS>> = {
  submitted: 'first',
  first_passed: 'second',
  second_passed: 'final',
};

interface Story {
  documentId: string;
  title: string;
}

/** How many notices the admin lists (the newest). */
const LISTED = 30;

export default defineService('notices', ({ strapi }: { strapi: Core.Strapi }) => {
  const notices = () => strapi.db.query(UID.notice);
  const store = () => strapi.store({ type: 'plugin', name: PLUGIN_ID });
  const settingsKey = (userId: number) => `notice-settings:${userId}`;

  async function storyOf(documentId: string): Promise<(Story & { authorId: number | null }) | null> {
    const row = (await strapi.db.query(UID.story).findOne({
      where: { documentId, publishedAt: null },
      select: ['documentId', 'title'],
      populate: { createdBy: { select: ['id'] } },
    })) as { documentId: string; title: string; createdBy?: { id: number } | null } | null;
    return row ? { documentId: row.documentId, title: row.title, authorId: row.createdBy?.id ?? null } : null;
  }

  async function email(recipientId: number, kind: NoticeKind, story: Story, text: string): Promise<void> {
    const user = (await strapi.db.query('admin::user').findOne({ where: { id: recipientId, isActive: true }, select: ['email'] })) as {
      email: string;
    } | null;
    if (!user?.email) return;
    const kindName = NOTICE_KINDS.find((entry) => entry.key === kind)!.name;
    const adminUrl = strapi.config.get<string>('admin.absoluteUrl', '');
    const link = adminUrl ? `\n\n${adminUrl}/content-manager/collection-types/${UID.story}/${story.documentId}` : '';
    try {
      await strapi
        .plugin('email')
        .service('email')
        .send({ to: user.email, subject: `【${kindName}】${story.title}`, text: `${text}${link}` });
    } catch (error) {
      strapi.log.warn(`[${PLUGIN_ID}] 通知邮件未能发出（${user.email}，${kindName}）：${(error as Error).message}`);
    }
  }

  /** Tells each recipient (once) as their settings say: in the admin, by email, both or neither. */
  async function tell(recipients: Array<number | null>, kind: NoticeKind, story: Story, text: string): Promise<void> {
    const mail = pluginConfig(strapi).notices.email;
    for (const recipientId of new Set(recipients.filter((id): id is number => id !== null))) {
      const settings = await service.settings(recipientId);
      if (settings.admin[kind]) {
        await notices().create({ data: { recipientId, kind, storyId: story.documentId, storyTitle: story.title, text } });
      }
      if (mail && settings.email[kind]) await email(recipientId, kind, story, text);
    }
  }

  /** The active accounts for whom the story now waits (their queue holds it: chains and duties applied). */
  async function waitingOn(documentId: string, stage: ReviewStage): Promise<number[]> {
    const next = NEXT_REVIEW[stage];
    if (!next) return [];
    const permissions = (await strapi.db.query('admin::permission').findMany({
      where: { action: REVIEW_ACTIONS[next].id },
      populate: { role: { select: ['id'] } },
    })) as Array<{ role: { id: number } | null }>;
    const roleIds = permissions.flatMap((permission) => (permission.role ? [permission.role.id] : []));
    if (roleIds.length === 0) return [];
    const users = (await strapi.db.query('admin::user').findMany({
      where: { isActive: true, roles: { id: { $in: roleIds } } },
      populate: { roles: { select: ['id', 'code'] } },
    })) as AdminUser[];
    const engine = strapi.service('admin::permission').engine as { generateUserAbility(user: unknown): Promise<unknown> };
    const waiting: number[] = [];
    for (const user of users) {
      const ability = await engine.generateUserAbility(user);
      const queue = await getService(strapi, review).waitingFor({ user, ability }, [documentId]);
      if (queue.some((entry) => entry.actions.includes(next))) waiting.push(user.id);
    }
    return waiting;
  }

  /** Who is told of a move, and what: the author of a returned story, else those it now waits for. */
  async function tellMove(documentId: string, to: ReviewStage, actor: string, comment?: string): Promise<void> {
    const story = await storyOf(documentId);
    if (!story) return;
    if (to === 'returned') {
      await tell([story.authorId], 'returned', story, `稿件《${story.title}》被${actor}退回修改，意见：${comment?.trim() ?? ''}`);
      return;
    }
    const next = NEXT_REVIEW[to];
    if (!next) return;
    const text = `稿件《${story.title}》已到“${stageName(to)}”，等你${REVIEW_MOVES[next].name}。`;
    await tell(await waitingOn(documentId, to), 'waiting', story, text);
  }

  const service = {
    /**
     * After a review move committed: the next reviewers are told it waits, the author that it
     * came back. A failure is logged, never the move's: it has happened.
     */
    async moved(documentId: string, to: ReviewStage, actor: string, comment?: string): Promise<void> {
      try {
        await tellMove(documentId, to, actor, comment);
      } catch (error) {
        strapi.log.warn(`稿件 ${documentId} 的审稿通知未能发出：${(error as Error).message}`);
      }
    },

    /** After a publish committed, or failed (with the reason): the author is told. */
    async published(documentId: string, failure?: string): Promise<void> {
      const story = await storyOf(documentId);
      if (!story) return;
      if (failure === undefined) await tell([story.authorId], 'published', story, `稿件《${story.title}》已发布。`);
      else await tell([story.authorId], 'failed', story, `稿件《${story.title}》发布失败：${failure}`);
    },

    /** A scheduled publish failed (scheduling/): whoever scheduled it is told why. */
    async scheduleFailed(documentId: string, recipientId: number, reason: string): Promise<void> {
      const story = (await storyOf(documentId)) ?? { documentId, title: documentId };
      await tell([recipientId], 'failed', story, `稿件《${story.title}》定时发布失败：${reason}`);
    },

    /** The newest notices of `userId`, and how many are unread. */
    async list(userId: number): Promise<Notices> {
      const [rows, unread] = await Promise.all([
        notices().findMany({ where: { recipientId: userId }, orderBy: { id: 'desc' }, limit: LISTED }) as Promise<
          Array<{
            id: number;
            kind: NoticeKind;
            storyId: string;
            storyTitle: string;
            text: string;
            createdAt: string | Date;
            readAt: string | null;
          }>
        >,
        notices().count({ where: { recipientId: userId, readAt: null } }),
      ]);
      return {
        notices: rows.map(({ readAt, createdAt, ...notice }) => ({
          ...notice,
          createdAt: new Date(createdAt).toISOString(),
          read: readAt !== null,
        })),
        unread,
      };
    },

    async markRead(userId: number): Promise<void> {
      await notices().updateMany({ where: { recipientId: userId, readAt: null }, data: { readAt: new Date() } });
    },

    async settings(userId: number): Promise<NoticeSettings> {
      const stored = noticeSettingsSchema.safeParse(await store().get({ key: settingsKey(userId) }));
      return stored.success ? stored.data : DEFAULT_NOTICE_SETTINGS;
    },

    async saveSettings(userId: number, settings: NoticeSettings): Promise<NoticeSettings> {
      await store().set({ key: settingsKey(userId), value: settings });
      return settings;
    },
  };
  return service;
});
