/**
 * The 公众号 hand-off of a published story (shared/src/handoff.ts makes the forms), and its
 * record: each copy is logged in the story's review log, beside its 三审 and 定时发布, so the
 * panel shows who handed off which form when, and the log's append-only rule keeps it.
 */
import { CAMPAIGN, PUBLIC_PATHS, SiteAddress, WEIBO_LIMIT, handoffOf, storySchema, type HandoffForm } from '@campaign-desk/shared';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { UID } from '../../../../common/names';
import type { Handoff } from '../../../../common/handoff-api';
import { pluginConfig, publicUrl } from '../../config/read';
import { nameOf } from '../../newsroom/services/people';
import recordReader from '../../publication/services/record-reader';
import { assertReadable, draftOf, type Viewer } from '../../review/services/story-drafts';
import { defineService, getService } from '../../utils';

export default defineService('handoff', ({ strapi }: { strapi: Core.Strapi }) => {
  /** The story as the site has it: its published version, checked against the contract. */
  async function publishedStory(documentId: string) {
    const [record] = (await getService(strapi, recordReader).read('story', publicUrl(strapi), { documentIds: [documentId] })).records;
    if (!record) throw new errors.ApplicationError('稿件尚未发布，发布后才能交付公众号和微博', { documentId });
    const story = storySchema.safeParse(record);
    if (!story.success) throw new errors.ApplicationError('稿件的已发布版本不符合发布规范，请修改后重新发布', { documentId });
    return story.data;
  }

  async function sourceOf(outletId: string | null): Promise<string> {
    if (outletId === null) return CAMPAIGN.siteName;
    const outlet = (await strapi.db.query(UID.outlet).findOne({ where: { documentId: outletId }, select: ['name'] })) as {
      name: string;
    } | null;
    return outlet?.name ?? CAMPAIGN.siteName;
  }

  return {
    /** The forms to copy, for someone who may read the story. */
    async of(documentId: string, viewer: Viewer): Promise<Handoff> {
      await assertReadable(strapi, documentId, viewer);
      const story = await publishedStory(documentId);
      const url = new SiteAddress(pluginConfig(strapi).participation.siteUrl).url(PUBLIC_PATHS.story(story));
      const forms = handoffOf(story, url, await sourceOf(story.outletId));
      return { documentId, url, ...forms, weiboLimit: WEIBO_LIMIT };
    },

    /** Logs that `viewer` copied `form` of the published story. */
    async record(documentId: string, form: HandoffForm, viewer: Viewer): Promise<void> {
      await assertReadable(strapi, documentId, viewer);
      await publishedStory(documentId);
      const { reviewStage } = await draftOf(strapi, documentId);
      await strapi.db.query(UID.reviewEntry).create({
        data: {
          storyId: documentId,
          action: `handoff-${form}`,
          fromStage: reviewStage,
          toStage: reviewStage,
          actorId: viewer.user.id,
          actorName: nameOf(viewer.user),
        },
      });
    },
  };
});
