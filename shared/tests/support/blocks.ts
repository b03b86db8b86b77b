/** Bodies for the blocks tests: a story with every node type, and one-block builders. */
import type { BlockNode, Blocks } from '../../src/blocks';

export const paragraph = (text: string): BlockNode => ({ type: 'paragraph', children: [{ type: 'text', text }] });
export const linked = (url: string): Blocks => [
  { type: 'paragraph', children: [{ type: 'link', url, children: [{ type: 'text', text: '点我' }] }] },
];
export const imaged = (url: string, extra: { alternativeText?: string; caption?: string } = {}): Blocks => [
  { type: 'image', image: { url, ...extra }, children: [{ type: 'text', text: '' }] },
];

/** A story body as Strapi 5 stores it, every node type included. */
export const story: Blocks = [
  { type: 'heading', level: 1, children: [{ type: 'text', text: '接力唐光友，为民做好事' }] },
  {
    type: 'paragraph',
    children: [
      { type: 'text', text: '5月20日，' },
      { type: 'text', text: '咸宁市委', bold: true },
      { type: 'text', text: '召开“六大”活动', bold: true, italic: true },
      { type: 'text', text: '推进会。\n会议强调：' },
      { type: 'link', url: 'https://www.xianning.gov.cn', children: [{ type: 'text', text: '市政府网站' }] },
      { type: 'text', text: '、' },
      { type: 'link', url: '/stories/da-diao-yan', children: [{ type: 'text', text: '大调研', underline: true }] },
    ],
  },
  { type: 'paragraph', children: [{ type: 'text', text: ' \u3000\n ' }] },
  {
    type: 'heading',
    level: 3,
    children: [
      { type: 'text', text: '旧提法', strikethrough: true },
      { type: 'text', text: 'config.yml', code: true },
    ],
  },
  { type: 'quote', children: [{ type: 'text', text: '力争全覆盖' }] },
  { type: 'code', language: 'ts', children: [{ type: 'text', text: 'if (a < b) {\n  go();\n}' }] },
  {
    type: 'list',
    format: 'unordered',
    children: [
      { type: 'list-item', children: [{ type: 'text', text: '大学习' }] },
      {
        type: 'list',
        format: 'ordered',
        indentLevel: 1,
        children: [
          { type: 'list-item', children: [{ type: 'text', text: '专题学习' }] },
          { type: 'list-item', children: [{ type: 'text', text: '研讨会' }] },
        ],
      },
      { type: 'list-item', children: [{ type: 'text', text: '大调研' }] },
      { type: 'list-item', children: [{ type: 'text', text: '' }] },
    ],
  },
  {
    type: 'image',
    image: {
      url: 'https://cdn.example.cn/uploads/hui.jpg',
      alternativeText: '推进会现场',
      width: 1280,
      height: 720,
      caption: '推进会现场（记者 摄）',
      name: 'hui.jpg',
      hash: 'hui_1a2b',
      mime: 'image/jpeg',
    },
    children: [{ type: 'text', text: '' }],
  },
  {
    type: 'image',
    image: { url: '/uploads/map.svg', alternativeText: null, width: null, height: null, caption: null },
    children: [{ type: 'text', text: '' }],
  },
];
