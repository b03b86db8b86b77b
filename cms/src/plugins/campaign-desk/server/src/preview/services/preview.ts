/**
 * Preview (Strapi's Preview feature, cms/config/admin.ts): a story's draft rendered by the
 * publisher with the site's own templates, as it would be published. The admin asks for the
 * URL here; it carries a short-lived token (shared/src/preview-token.ts) made only for someone
 * signed in who may read the story, signed with the build hook's secret the publisher also
 * holds. The publisher checks it, then fetches the draft here with it, checked again.
 */
import { SiteAddress, signPreviewToken, verifyPreviewToken } from '@campaign-desk/shared';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { UID } from '../../../../common/names';
import { pluginConfig, publicUrl } from '../../config/read';
import { ContractViolation, refusal } from '../../errors';
import recordReader from '../../publication/services/record-reader';
import { actingAbility, actingUser, type AdminUser } from '../../request-context';
import { assertReadable, viewerOf } from '../../review/services/story-drafts';
import { defineService, getService } from '../../utils';

/** Where the publisher renders previews, under the site's path. */
export const PREVIEW_PATH = '/_preview/';

export default defineService('preview', ({ strapi }: { strapi: Core.Strapi }) => {
  /** The publisher that renders previews: the first build hook's (its secret signs the tokens). */
  const publisher = () => pluginConfig(strapi).buildHooks[0] ?? null;

  /** Refuses a token whose person was blocked or deleted, or may no longer read the story, since it was made. */
  async function assertStillReadable(documentId: string, viewerId: number): Promise<void> {
    const user = (await strapi.db.query('admin::user').findOne({
      where: { id: viewerId, isActive: true },
      populate: { roles: { select: ['id', 'code'] } },
    })) as AdminUser | null;
    if (!user) throw refusal('打开这个预览的账号已停用，预览链接失效');
    try {
      await assertReadable(strapi, documentId, await viewerOf(strapi, user));
    } catch (error) {
      if (error instanceof errors.NotFoundError) throw new errors.NotFoundError(`没有找到稿件 ${documentId} 的草稿`);
      throw refusal('打开这个预览的账号已不能查看这篇稿件，预览链接失效');
    }
  }

  return {
    /** Whether previews can be made: there is a publisher to render them. */
    enabled: () => publisher() !== null,

    /** The preview URL of a story's draft for the admin user asking, or null (no story, no publisher, may not read it). */
    async urlFor(uid: string, documentId: string): Promise<string | null> {
      const hook = publisher();
      const user = actingUser(strapi);
      if (uid !== UID.story || !hook || !user) return null;
      try {
        await assertReadable(strapi, documentId, { user, ability: actingAbility(strapi) });
      } catch {
        return null;
      }
      const token = await signPreviewToken(hook.secret, documentId, user.id);
      return `${new SiteAddress(pluginConfig(strapi).participation.siteUrl).url(PREVIEW_PATH)}?token=${encodeURIComponent(token)}`;
    },

    /** The draft a token was made for, as the site's contract has it; refused with the reason in Chinese. */
    async draft(token: string): Promise<Record<string, unknown>> {
      const hook = publisher();
      if (!hook) throw new errors.NotFoundError('没有配置发布程序，不能预览');
      const check = await verifyPreviewToken(hook.secret, token);
      if (!check.ok) throw refusal(check.reason);
      await assertStillReadable(check.documentId, check.viewerId);
      const [record] = (
        await getService(strapi, recordReader).read('story', publicUrl(strapi), { documentIds: [check.documentId], draft: true })
      ).records;
      if (!record) throw new errors.NotFoundError(`没有找到稿件 ${check.documentId} 的草稿`);
      try {
        // As if published now: a publish writes its time, and dates a story that has no date (storyDateOnFirstPublish).
        const now = new Date().toISOString();
        return getService(strapi, recordReader).check({ ...record, publishedAt: now, date: record.date ?? now });
      } catch (error) {
        if (!(error instanceof ContractViolation)) throw error;
        throw new errors.ValidationError(`草稿还不能按发布的样子显示：${error.message}`);
      }
    },
  };
});
