/**
 * The decisions behind the document-service rules that need no Strapi: what an action does
 * to public content, and whether an edit changes what a story says.
 */
import { describe, expect, it } from 'vitest';
import { UID } from 'strapi-plugin-campaign-desk/names';
import { documentIdOf, editOf, effectOf, publishes } from '../src/plugins/campaign-desk/server/src/document-service/actions';
import { changesContent, sameValue, type Attributes } from '../src/plugins/campaign-desk/server/src/review/rules/story-edits';
import { fold } from '../src/plugins/campaign-desk/server/src/participation/services/sensitive-words';
import { textBlocks } from '../src/plugins/campaign-desk/server/src/review/text-diff';

describe('what an action does to the public version', () => {
  it.each([
    ['publish', {}, 'upsert'],
    ['create', { status: 'published' }, 'upsert'],
    ['update', { status: 'published' }, 'upsert'],
    ['create', {}, null],
    ['update', { status: 'draft' }, null],
    ['discardDraft', {}, null],
    ['unpublish', {}, 'withdraw'],
    ['delete', {}, 'withdraw'],
    ['findMany', {}, null],
  ] as const)('under Draft & Publish, %s %j: %s', (action, params, effect) => {
    expect(effectOf(action, params, true)).toBe(effect);
  });

  it.each([
    ['create', 'upsert'],
    ['update', 'upsert'],
    ['delete', 'withdraw'],
    ['unpublish', null],
    ['count', null],
  ] as const)('without Draft & Publish (saved is public), %s: %s', (action, effect) => {
    expect(effectOf(action, {}, false)).toBe(effect);
  });

  it('publishes only by publishing or by saving with status published', () => {
    expect(publishes('publish', {})).toBe(true);
    expect(publishes('update', { status: 'published' })).toBe(true);
    expect(publishes('update', {})).toBe(false);
    expect(publishes('delete', { status: 'published' })).toBe(false);
  });

  it('reads what a create or update writes, and the document it acts on', () => {
    const data = { title: '标题' };
    expect(editOf('create', { documentId: 'ignored', data })).toEqual({ data, documentId: undefined });
    expect(editOf('update', { documentId: 'doc1', data })).toEqual({ data, documentId: 'doc1' });
    expect(editOf('update', { documentId: 'doc1' })).toBeNull();
    expect(editOf('publish', { documentId: 'doc1', data })).toBeNull();
    expect(documentIdOf({ documentId: 'doc1' }, { documentId: 'other' })).toBe('doc1');
    expect(documentIdOf({}, { documentId: 'created' })).toBe('created');
    expect(documentIdOf({}, null)).toBeUndefined();
  });
});

describe('whether an edit changes what a story says', () => {
  const attributes: Attributes = {
    title: { type: 'string' },
    date: { type: 'datetime' },
    printDate: { type: 'date' },
    body: { type: 'blocks' },
    sample: { type: 'boolean' },
    cover: { type: 'media' },
    columns: { type: 'relation' },
    reviewStage: { type: 'enumeration' },
    updatedAt: { type: 'datetime' },
  };
  const body = [{ type: 'paragraph', children: [{ type: 'text', text: '正文' }] }];
  const draft = {
    title: '标题',
    date: '2020-05-20T07:00:00.000Z',
    printDate: '2020-05-21',
    body,
    sample: false,
    cover: { id: 7 },
    reviewStage: 'approved',
    updatedAt: '2020-05-20T07:00:00.000Z',
  };

  it('sees no change in the form sent back as it was', () => {
    expect(
      changesContent(attributes, draft, {
        title: '标题',
        date: '2020-05-20T15:00:00+08:00',
        printDate: '2020-05-21T00:00:00.000Z',
        body: structuredClone(body),
        sample: false,
        cover: 7,
        columns: { connect: [], disconnect: [] },
      }),
    ).toBe(false);
  });

  it('ignores the stage, Strapi’s bookkeeping and fields the story does not have', () => {
    expect(changesContent(attributes, draft, { reviewStage: 'draft', updatedAt: new Date().toISOString(), locale: 'zh', unknown: 1 })).toBe(
      false,
    );
  });

  it.each([
    ['a title', { title: '新标题' }],
    ['the body', { body: [{ type: 'paragraph', children: [{ type: 'text', text: '修改' }] }] }],
    ['the cover', { cover: { id: 8 } }],
    ['a cover removed', { cover: null }],
    ['a relation connected', { columns: { connect: [{ documentId: 'c1' }] } }],
    ['a relation set anew', { columns: ['c1'] }],
  ])('sees a change in %s', (_, data) => {
    expect(changesContent(attributes, draft, data)).toBe(true);
  });

  it('compares values as their attribute type reads them', () => {
    expect(sameValue('string', '', null)).toBe(true);
    expect(sameValue('string', 'x', null)).toBe(false);
    expect(sameValue('date', '2020-05-21', new Date('2020-05-21T00:00:00.000Z'))).toBe(true);
    expect(sameValue('json', { a: 1 }, '{"a":1}')).toBe(true);
    expect(sameValue('integer', '3', 3)).toBe(true);
    expect(sameValue('boolean', true, 1)).toBe(true);
    expect(sameValue('datetime', '2020-05-20T07:00:00.000Z', '2020-05-20T07:00:01.000Z')).toBe(false);
  });
});

describe('the word check reads what the public reads', () => {
  it('a listed word split by an invisible character still matches', () => {
    for (const hidden of ['\u200B', '\u200C', '\u200D', '\u2060', '\u00AD', '\uFE0F', '\u034F', '\uFEFF']) {
      expect(fold(`敏${hidden}感`), JSON.stringify(hidden)).toBe(fold('敏感'));
    }
  });

  it('the cover caption, its credit and the bylines are blocks a reviewer reads', () => {
    const blocks = textBlocks({ title: '标题', bylines: '记者 某某', coverCaption: '图片说明文字', coverCredit: '摄影 某某' });
    expect(blocks.map((block) => block.place)).toEqual(['标题', '署名', '图片说明', '图片署名']);
  });
});
