/** The shape of a Strapi 5 blocks body, as the contract checks it: its node types and their zod schema. */
import { z } from 'zod';

export type TextNode = {
  type: 'text';
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strikethrough?: boolean;
  code?: boolean;
};
export type LinkNode = { type: 'link'; url: string; children: TextNode[] };
export type InlineNode = TextNode | LinkNode;

export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;
export type ParagraphNode = { type: 'paragraph'; children: InlineNode[] };
export type HeadingNode = { type: 'heading'; level: HeadingLevel; children: InlineNode[] };
export type QuoteNode = { type: 'quote'; children: InlineNode[] };
export type CodeNode = { type: 'code'; language?: string | null; children: InlineNode[] };
export type ListItemNode = { type: 'list-item'; children: InlineNode[] };
/** A nested list sits among the items of its parent, after the item it belongs to. */
export type ListNode = {
  type: 'list';
  format: 'ordered' | 'unordered';
  indentLevel?: number;
  children: Array<ListItemNode | ListNode>;
};
/** The media library's upload record; only these fields are read, the rest are kept. */
export type BlockImage = {
  url: string;
  alternativeText?: string | null;
  width?: number | null;
  height?: number | null;
  caption?: string | null;
  name?: string;
  [field: string]: unknown;
};
export type ImageNode = { type: 'image'; image: BlockImage; children: InlineNode[] };
export type BlockNode = ParagraphNode | HeadingNode | QuoteNode | CodeNode | ListNode | ImageNode;

const textSchema = z.object({
  type: z.literal('text'),
  text: z.string(),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
  underline: z.boolean().optional(),
  strikethrough: z.boolean().optional(),
  code: z.boolean().optional(),
});

// Link URLs are not checked here: a disallowed link still parses and renders as its text.
const linkSchema = z.object({ type: z.literal('link'), url: z.string(), children: z.array(textSchema) });

// Discriminated unions report an unknown `type` at its path, e.g. [3, 'children', 0, 'type'].
const inlinesSchema = z.array(z.discriminatedUnion('type', [textSchema, linkSchema]));

const listItemSchema = z.object({ type: z.literal('list-item'), children: inlinesSchema });

const listSchema = z.object({
  type: z.literal('list'),
  format: z.enum(['ordered', 'unordered']),
  indentLevel: z.number().int().nonnegative().optional(),
  children: z.array(z.lazy(() => listChildSchema)),
});

// Annotated because zod cannot infer a type that refers to itself.
const listChildSchema: z.ZodType<ListItemNode | ListNode, z.ZodTypeDef, unknown> = z.discriminatedUnion('type', [
  listItemSchema,
  listSchema,
]);

const blockSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('paragraph'), children: inlinesSchema }),
  z.object({
    type: z.literal('heading'),
    level: z
      .number()
      .refine(
        (level): level is HeadingLevel => Number.isInteger(level) && level >= 1 && level <= 6,
        'Heading level must be an integer from 1 to 6',
      ),
    children: inlinesSchema,
  }),
  z.object({ type: z.literal('quote'), children: inlinesSchema }),
  z.object({ type: z.literal('code'), language: z.string().nullish(), children: inlinesSchema }),
  listSchema,
  z.object({
    type: z.literal('image'),
    image: z
      .object({
        url: z.string(),
        alternativeText: z.string().nullish(),
        width: z.number().nullish(),
        height: z.number().nullish(),
        caption: z.string().nullish(),
        name: z.string().optional(),
      })
      .passthrough(),
    children: inlinesSchema,
  }),
]);

// The input type is left open: heading levels come in as numbers and leave as HeadingLevel.
export const blocksSchema: z.ZodType<BlockNode[], z.ZodTypeDef, unknown> = z.array(blockSchema);

export type Blocks = z.infer<typeof blocksSchema>;
