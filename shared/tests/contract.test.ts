import { describe, expect, it } from 'vitest';
import { RECORD_SCHEMAS, RECORD_TYPES, describeIssues, recordSchema, snapshotPageSchema, storySchema } from '../src';
import { examples, image, story } from './support/examples';

describe('records', () => {
  it('cover every record type', () => {
    expect(new Set(examples.map((record) => record.type))).toEqual(new Set(RECORD_TYPES));
    expect(Object.keys(RECORD_SCHEMAS).sort()).toEqual([...RECORD_TYPES].sort());
  });

  it.each(examples.map((record) => [record.type, record] as const))('%s round-trips through JSON', (_type, record) => {
    expect(recordSchema.parse(JSON.parse(JSON.stringify(record)))).toEqual(record);
  });

  it('want what an entry of a live’s kind needs: a quote its speaker', () => {
    const entry = examples.find((record) => record.type === 'liveEntry')!;
    const result = recordSchema.safeParse({ ...entry, speaker: null });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ['speaker'], message: '引语条目必须填写发言人（speaker）' });
  });

  it('name the record and field that fails', () => {
    const broken = { ...story, slug: 'Not A Slug', cover: { ...image, width: 0 } };
    const result = storySchema.safeParse(broken);
    expect(result.success).toBe(false);
    const message = describeIssues(broken, result.error!);
    expect(message).toContain('story story1, field slug:');
    expect(message).toContain('story story1, field cover.width:');
  });

  it('report a record of an unknown type by its type', () => {
    const result = recordSchema.safeParse({ type: 'poll', documentId: 'x' });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual(['type']);
  });

  it('check a record against its own type only', () => {
    const result = recordSchema.safeParse({ ...examples[3], name: '' });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => issue.path.join('.'))).toEqual(['name']);
  });

  it.each([
    ['video', 'mediaUrl'],
    ['h5', 'mediaUrl'],
    ['live', 'mediaUrl'],
    ['audio', 'mediaUrl'],
    ['interpretation', 'clauseIds'],
  ] as const)('require what a %s story needs (%s)', (kind, field) => {
    const result = storySchema.safeParse({ ...story, kind });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual([field]);
  });

  it('accept only http(s) media links and image URLs', () => {
    expect(storySchema.safeParse({ ...story, kind: 'video', mediaUrl: 'javascript:alert(1)' }).success).toBe(false);
    expect(storySchema.safeParse({ ...story, cover: { ...image, url: 'data:image/png;base64,AAAA' } }).success).toBe(false);
    expect(storySchema.safeParse({ ...story, kind: 'video', mediaUrl: 'https://media.example.cn/a.mp4' }).success).toBe(true);
  });

  it('take a story’s own audio or video of its kind’s medium, WebVTT captions, and frame only https players', () => {
    const media = { url: 'https://cms.example.cn/uploads/v.mp4', mime: 'video/mp4', bytes: 2048, seconds: 95, captionsUrl: null };
    // 动新闻 needs its video, as a file or a link.
    expect(storySchema.safeParse({ ...story, kind: 'motion' }).error?.issues[0]?.message).toBe(
      '动新闻类稿件必须填写媒体链接（mediaUrl）或上传音视频文件（mediaFile）',
    );
    expect(storySchema.safeParse({ ...story, kind: 'motion', media }).success).toBe(true);
    expect(storySchema.safeParse({ ...story, kind: 'audio', media }).error?.issues[0]).toMatchObject({
      path: ['media'],
      message: '音频类稿件的音视频文件应为音频',
    });
    const captions = { ...media, captionsUrl: 'https://cms.example.cn/uploads/zimu.srt' };
    expect(storySchema.safeParse({ ...story, media: captions }).error?.issues[0]?.message).toBe('字幕文件应为 WebVTT（.vtt）');
    expect(storySchema.safeParse({ ...story, media: { ...media, mime: 'text/html' } }).success).toBe(false);
    expect(storySchema.safeParse({ ...story, embedUrl: 'http://player.bilibili.com/x' }).success).toBe(false);
    // Records from before media existed still parse: no file, nothing framed.
    const { media: _media, embedUrl: _embed, ...older } = story;
    expect(storySchema.parse(older)).toMatchObject({ media: null, embedUrl: null });
  });

  it('take pages with records and tombstones', () => {
    const page = { records: examples, tombstones: [{ type: 'story', documentId: 'gone' }], cursor: 'abc', hasMore: false };
    expect(snapshotPageSchema.parse(JSON.parse(JSON.stringify(page)))).toEqual(page);
    expect(snapshotPageSchema.safeParse({ ...page, tombstones: [{ type: 'poll', documentId: 'x' }] }).success).toBe(false);
  });
});
