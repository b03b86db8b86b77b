/** A story's share card: which image WeChat and Weibo get, and what they say under the title. */
import { describe, expect, test } from 'vitest';
import type { Story } from '@campaign-desk/shared';
import type { Campaign } from '../../src/lib/campaign';
import { shareDescription, shareImageOfStory, siteShareImage } from '../../src/views/parts';
import { readFixture } from '../support/fixture';

const fixtureStory = readFixture().records.find(
  (record) => record.type === 'story' && record.slug === 'sample-story-040',
) as unknown as Story;
// No local copies (as in `astro dev`): a card uses the CMS's image as it is.
const campaign = { media: () => null } as unknown as Campaign;
const image = (width: number, height: number) => ({
  url: `https://cms.example.org/uploads/${width}x${height}.jpg`,
  width,
  height,
  mime: 'image/jpeg',
  alt: '图',
  caption: null,
  credit: null,
});
const bodyImage = (width: number, height: number) => ({
  type: 'image' as const,
  image: { url: `https://cms.example.org/uploads/body-${width}.jpg`, alternativeText: '正文图', width, height },
  children: [{ type: 'text' as const, text: '' }],
});

describe('shareImageOfStory', () => {
  test('the cover when it fits a card: 300 px or more each way, square or landscape', () => {
    expect(shareImageOfStory(campaign, { ...fixtureStory, cover: image(800, 600) })).toMatchObject({
      url: image(800, 600).url,
      width: 800,
      height: 600,
      alt: '图',
    });
  });

  test('a portrait or small cover gives way to the first body image that fits, then to the site’s card', () => {
    const body = [...fixtureStory.body, bodyImage(200, 200), bodyImage(1000, 700)] as Story['body'];
    expect(shareImageOfStory(campaign, { ...fixtureStory, cover: image(600, 800), body })).toMatchObject({
      url: bodyImage(1000, 700).image.url,
      width: 1000,
      alt: '正文图',
    });
    expect(shareImageOfStory(campaign, { ...fixtureStory, cover: image(280, 200) })).toEqual(siteShareImage());
    expect(siteShareImage()).toMatchObject({ width: 600, height: 600, type: 'image/png' });
    expect(siteShareImage().url).toMatch(/^https?:\/\/.+\/share-card\.png$/);
  });
});

describe('shareDescription', () => {
  test('the summary, else the start of the text, at most 120 characters', () => {
    expect(shareDescription({ ...fixtureStory, summary: '摘要。' })).toBe('摘要。');
    const long = shareDescription({
      ...fixtureStory,
      summary: null,
      body: [{ type: 'paragraph', children: [{ type: 'text', text: '很长的正文'.repeat(40) }] }],
    });
    expect([...long]).toHaveLength(120);
    expect(long.endsWith('…')).toBe(true);
    expect(shareDescription({ ...fixtureStory, summary: '  ', body: [] })).toBe(fixtureStory.title);
  });
});
