import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLUGIN_ID, UID } from 'strapi-plugin-campaign-desk/names';
import { fixtures, paragraph } from './support/fixtures';
import { startCms, type TestCms } from './support/strapi';

let cms: TestCms;
let make: ReturnType<typeof fixtures>;

beforeAll(async () => {
  cms = await startCms();
  make = fixtures(cms.strapi);
});
afterAll(async () => cms?.destroy());

const documents = (uid: (typeof UID)[keyof typeof UID]) => cms.strapi.documents(uid as never);
const approve = (documentId: string) => cms.strapi.plugin(PLUGIN_ID).service('review').approveAsSystem(documentId, '测试') as Promise<void>;

/** The error a call throws, for assertions on its message and details. */
async function failure(promise: Promise<unknown>): Promise<Error & { details?: { errors?: Array<{ path: string[] }> } }> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the call to be refused');
}

describe('taxonomy', () => {
  it('holds the plan’s themes, six activities and places', async () => {
    const themes = await documents(UID.theme).findMany({ sort: 'phase:asc' } as never);
    expect(themes.map((theme: Record<string, unknown>) => [theme.name, theme.startsOn, theme.endsOn])).toEqual([
      ['特色产业增长极', '2020-04-21', '2020-05-31'],
      ['转型发展示范区', '2020-06-01', '2020-07-31'],
      ['自然生态公园城市', '2020-08-01', '2020-09-30'],
    ]);
    const activities = await documents(UID.activity).findMany({ sort: 'order:asc' } as never);
    expect(activities.map((activity: Record<string, unknown>) => activity.name)).toEqual([
      '大学习',
      '大调研',
      '大讨论',
      '大统一',
      '大转变',
      '大落实',
    ]);
    expect(await documents(UID.place).count({})).toBe(8);
  });

  it('refuses a seventh activity, a renamed one, and deletion', async () => {
    const seventh = await failure(documents(UID.activity).create({ data: { slug: 'da-fazhan', name: '大发展', order: 7 } } as never));
    expect(seventh.message).toContain('不能新增');
    const duplicate = await failure(documents(UID.activity).create({ data: { slug: 'da-xuexi', name: '大学习', order: 1 } } as never));
    expect(duplicate.details?.errors?.map((error) => error.path[0])).toContain('slug');

    const study = await make.taxonomyId('activity', 'da-xuexi');
    const renamed = await failure(documents(UID.activity).update({ documentId: study, data: { name: '大学习大讨论' } } as never));
    expect(renamed.message).toContain('不能修改');
    await documents(UID.activity).update({ documentId: study, data: { description: '学懂弄通' } } as never);

    const deleted = await failure(documents(UID.activity).delete({ documentId: study } as never));
    expect(deleted.message).toContain('不能删除');
    expect(await documents(UID.activity).count({})).toBe(6);
  });
});

describe('slugs', () => {
  it('are made from the title in pinyin and kept unique', async () => {
    const first = await make.story({ title: '接力唐光友，为民做好事' }, false);
    const second = await make.story({ title: '接力唐光友，为民做好事' }, false);
    expect(first.slug).toBe('jie-li-tang-guang-you-wei-min-zuo-hao-shi');
    expect(second.slug).toBe('jie-li-tang-guang-you-wei-min-zuo-hao-shi-2');
  });

  it('keep a slug an editor typed, and refuse a malformed one', async () => {
    const story = await make.story({ title: '大学习', slug: 'da-xuexi-kaimu' }, false);
    expect(story.slug).toBe('da-xuexi-kaimu');
    const bad = await failure(make.story({ title: '大学习', slug: 'Not A Slug' }, false));
    expect(bad.details?.errors?.[0]?.path).toEqual(['slug']);
  });

  it('never change after the first publish', async () => {
    const story = await make.story({ title: '首次发布的稿件' });
    const changed = await failure(documents(UID.story).update({ documentId: story.documentId, data: { slug: 'another-slug' } } as never));
    expect(changed.message).toContain('slug');
    // Editing the title leaves the slug as it was.
    const edited = await documents(UID.story).update({
      documentId: story.documentId,
      data: { title: '改过标题的稿件', slug: '' },
    } as never);
    expect(edited?.slug).toBe(story.slug);
  });
});

describe('publishing', () => {
  it('refuses a video without its media link and names the field', async () => {
    const video = await make.story({ title: '短视频：走遍咸宁', kind: 'video' }, false);
    await approve(video.documentId);
    const refused = await failure(documents(UID.story).publish({ documentId: video.documentId } as never));
    expect(refused.message).toContain('视频类稿件必须填写媒体链接');
    expect(refused.details?.errors?.[0]?.path).toEqual(['mediaUrl']);
    // The refusal rolled the publish back: nothing public, nothing journalled.
    expect(await documents(UID.story).findOne({ documentId: video.documentId, status: 'published' } as never)).toBeNull();

    await documents(UID.story).update({
      documentId: video.documentId,
      data: { mediaUrl: 'https://media.example.cn/zoubian-xianning.mp4' },
    } as never);
    await approve(video.documentId);
    const published = await documents(UID.story).publish({ documentId: video.documentId } as never);
    expect(published.entries[0]).toMatchObject({ mediaUrl: 'https://media.example.cn/zoubian-xianning.mp4' });
  });

  it('refuses an interpretation that points at no clause', async () => {
    const refused = await failure(make.story({ title: '《意见》解读', kind: 'interpretation' }));
    expect(refused.details?.errors?.[0]?.path).toEqual(['clauseIds']);
  });

  it('refuses a media link that is not http(s), in Chinese, naming the field', async () => {
    for (const link of ['javascript:alert(1)', 'data:text/html,<script>', 'https://a.cn/x y', '//a.cn/x.mp4']) {
      const refused = await failure(make.story({ kind: 'audio', mediaUrl: link }));
      expect(refused.message, link).toBe('媒体链接（mediaUrl）只接受 http 或 https 开头的网址');
      expect(refused.details?.errors?.[0]?.path).toEqual(['mediaUrl']);
    }
    const homepage = await failure(
      documents(UID.outlet).create({
        data: { name: '某网', slug: 'mou-wang', level: 'county', medium: 'web', homepage: 'javascript:1' },
      } as never),
    );
    expect(homepage.details?.errors?.[0]?.path).toEqual(['homepage']);
  });

  it('publishes a video file with its length and captions, and frames only links of allowed platforms', async () => {
    const video = await make.upload('zoubian', '.mp4', 'video/mp4');
    const captions = await make.upload('zoubian-zimu', '.vtt', 'text/vtt', 1.2);
    const motion = await make.story({
      title: '动新闻：走遍咸宁',
      kind: 'motion',
      mediaFile: video.id,
      mediaSeconds: 95,
      captions: captions.id,
    });
    const embedded = await make.story({ title: '视频：香城', kind: 'video', mediaUrl: 'https://player.bilibili.com/player.html?bvid=BV1' });
    const linked = await make.story({ title: '视频：别处', kind: 'video', mediaUrl: 'https://evil.example.cn/player.html' });
    const reader = cms.strapi.plugin(PLUGIN_ID).service('record-reader');
    const { records } = await reader.read('story', 'https://cms.example.cn', {
      documentIds: [motion.documentId, embedded.documentId, linked.documentId],
    });
    const byTitle = new Map(records.map((record: Record<string, unknown>) => [record.title, reader.check(record)]));
    expect(byTitle.get('动新闻：走遍咸宁')).toMatchObject({
      media: {
        url: 'https://cms.example.cn/uploads/zoubian_hash.mp4',
        mime: 'video/mp4',
        bytes: 2_048_500,
        seconds: 95,
        captionsUrl: 'https://cms.example.cn/uploads/zoubian-zimu_hash.vtt',
      },
      embedUrl: null,
    });
    expect(byTitle.get('视频：香城')).toMatchObject({ media: null, embedUrl: 'https://player.bilibili.com/player.html?bvid=BV1' });
    expect(byTitle.get('视频：别处')).toMatchObject({ embedUrl: null, mediaUrl: 'https://evil.example.cn/player.html' });
  });

  it('refuses an audio story whose file is a video, and captions that are not WebVTT', async () => {
    const video = await make.upload('not-audio', '.mp4', 'video/mp4');
    const audio = await make.story({ title: '听新闻：错放的视频', kind: 'audio', mediaFile: video.id }, false);
    await approve(audio.documentId);
    const refused = await failure(documents(UID.story).publish({ documentId: audio.documentId } as never));
    expect(refused.message).toContain('音频类稿件的音视频文件应为音频');
    const srt = await make.upload('zimu', '.srt', 'application/x-subrip', 1);
    const mp3 = await make.upload('yinpin', '.mp3', 'audio/mpeg');
    await documents(UID.story).update({ documentId: audio.documentId, data: { mediaFile: mp3.id, captions: srt.id } } as never);
    await approve(audio.documentId);
    const captions = await failure(documents(UID.story).publish({ documentId: audio.documentId } as never));
    expect(captions.message).toContain('字幕文件应为 WebVTT（.vtt）');
  });

  it('dates a story on its first publish and keeps that date', async () => {
    const story = await make.story({ title: '待发布的稿件' }, false);
    expect(story.date).toBeNull();
    await approve(story.documentId);
    const first = await documents(UID.story).publish({ documentId: story.documentId } as never);
    const date = first.entries[0]!.date;
    expect(date).not.toBeNull();
    await documents(UID.story).update({ documentId: story.documentId, data: { body: paragraph('修改') } } as never);
    await approve(story.documentId);
    const again = await documents(UID.story).publish({ documentId: story.documentId } as never);
    expect(again.entries[0]!.date).toEqual(date);
  });
});

describe('the admin', () => {
  const configuration = (uid: string) =>
    cms.strapi.plugin('content-manager').service('content-types').findConfiguration({ uid }) as Promise<{
      settings: { mainField: string };
      metadatas: Record<string, { edit: { label: string; description: string } }>;
    }>;

  it('labels fields in Chinese with hints, and names records by their title or name', async () => {
    const story = await configuration(UID.story);
    expect(story.metadatas.title!.edit.label).toBe('标题');
    expect(story.metadatas.mediaUrl!.edit.description).toContain('视频');
    expect((await configuration(UID.theme)).settings.mainField).toBe('name');
    expect((await configuration(UID.outlet)).settings.mainField).toBe('name');
  });

  it('labels the 重点 flag, and the sample and placeholder-date flags of every type that has them', async () => {
    const story = await configuration(UID.story);
    expect(story.metadatas.featured!.edit).toMatchObject({ label: '重点报道', description: expect.stringContaining('订阅源') });
    for (const uid of [UID.story, UID.figure, UID.goodDeed, UID.clause, UID.event, UID.outlet, UID.opinion, UID.placement]) {
      expect((await configuration(uid)).metadatas.sample!.edit.label, uid).toBe('示例内容');
    }
    for (const uid of [UID.event, UID.opinion]) {
      expect((await configuration(uid)).metadatas.sampleDate!.edit.label, uid).toBe('日期为示例');
    }
  });

  it('keeps labels an administrator changed', async () => {
    const contentTypes = cms.strapi.plugin('content-manager').service('content-types');
    const { settings, metadatas, layouts } = await contentTypes.findConfiguration({ uid: UID.column });
    metadatas.name.edit.label = '栏目名';
    await contentTypes.updateConfiguration({ uid: UID.column }, { settings, metadatas, layouts });
    await cms.strapi.plugin(PLUGIN_ID).service('editor-labels').apply();
    expect((await configuration(UID.column)).metadatas.name!.edit.label).toBe('栏目名');
  });
});
