/** Builders for campaign content in tests, through the Document Service like the admin. */
import type { Core } from '@strapi/strapi';
import { PLUGIN_ID, UID } from 'strapi-plugin-campaign-desk/names';

type Data = Record<string, unknown>;

export function paragraph(text: string) {
  return [{ type: 'paragraph', children: [{ type: 'text', text }] }];
}

export function fixtures(strapi: Core.Strapi) {
  const documents = (uid: (typeof UID)[keyof typeof UID]) => strapi.documents(uid as never);

  return {
    async taxonomyId(type: 'theme' | 'activity' | 'place', slug: string): Promise<string> {
      const row = (await strapi.db.query(UID[type]).findOne({ where: { slug } })) as { documentId: string };
      return row.documentId;
    },

    async outlet(data: Data = {}) {
      return documents(UID.outlet).create({
        data: { name: '咸宁日报', level: 'municipal', medium: 'newspaper', runsCampaignColumn: true, ...data },
      } as never);
    },

    async column(data: Data = {}, publish = true) {
      return documents(UID.column).create({
        data: { name: '“六大”活动专栏', ...data },
        ...(publish ? { status: 'published' } : {}),
      } as never);
    },

    /** A story; `publish` approves it as the system would an import, then publishes it. */
    async story(data: Data = {}, publish = true) {
      const story = await documents(UID.story).create({
        data: { title: '全市开展“六大”活动', kind: 'news', body: paragraph('正文'), ...data },
      } as never);
      if (!publish) return story;
      await strapi.plugin(PLUGIN_ID).service('review').approveAsSystem(story.documentId, '测试');
      const published = await documents(UID.story).publish({ documentId: story.documentId } as never);
      return (published as { entries: Array<typeof story> }).entries[0]!;
    },

    async image(name = 'cover') {
      return strapi.db.query('plugin::upload.file').create({
        data: {
          name: `${name}.jpg`,
          hash: `${name}_hash`,
          ext: '.jpg',
          mime: 'image/jpeg',
          size: 120.5,
          url: `/uploads/${name}_hash.jpg`,
          provider: 'local',
          width: 1200,
          height: 800,
          alternativeText: '咸宁市民参加活动',
          caption: '原图说明',
        },
      }) as Promise<{ id: number }>;
    },

    /** A file of the media library that is not an image (a video, an audio, captions). */
    async upload(name: string, ext: string, mime: string, sizeKb = 2048.5) {
      return strapi.db.query('plugin::upload.file').create({
        data: {
          name: `${name}${ext}`,
          hash: `${name}_hash`,
          ext,
          mime,
          size: sizeKb,
          url: `/uploads/${name}_hash${ext}`,
          provider: 'local',
        },
      }) as Promise<{ id: number }>;
    },

    async apiToken(type: 'read-only' | 'full-access' | 'custom' = 'read-only'): Promise<string> {
      const token = (await strapi.service('admin::api-token').create({
        name: `test-${type}-${Math.random().toString(36).slice(2)}`,
        type,
        lifespan: null,
        permissions: [],
      })) as { accessKey: string };
      return token.accessKey;
    },
  };
}
