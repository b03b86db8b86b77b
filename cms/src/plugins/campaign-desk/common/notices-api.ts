/**
 * Notices (通知) of the newsroom's stories, and who receives which (`/campaign-desk/notices…`):
 * a story reached a stage you act on, came back to you with a reason, was published, or
 * failed to publish. Each person chooses per kind whether it shows in the admin and by email.
 */
import { z } from 'zod';

export const NOTICE_KINDS = [
  { key: 'waiting', name: '待我审核' },
  { key: 'returned', name: '退回给我' },
  { key: 'published', name: '已发布' },
  { key: 'failed', name: '发布失败' },
] as const;

export type NoticeKind = (typeof NOTICE_KINDS)[number]['key'];
const kindSchema = z.enum(NOTICE_KINDS.map((kind) => kind.key) as [NoticeKind, ...NoticeKind[]]);

export const noticeSchema = z.object({
  id: z.number().int(),
  kind: kindSchema,
  storyId: z.string(),
  storyTitle: z.string(),
  /** What the notice says, in full (a return's reason, a failure's message). */
  text: z.string(),
  createdAt: z.string(),
  read: z.boolean(),
});

export const noticesSchema = z.object({ notices: z.array(noticeSchema), unread: z.number().int() });

const channelSchema = z.object({ waiting: z.boolean(), returned: z.boolean(), published: z.boolean(), failed: z.boolean() }).strict();

/** Per kind, whether it shows in the admin and whether it is emailed. */
export const noticeSettingsSchema = z.object({ admin: channelSchema, email: channelSchema }).strict();

export type Notice = z.infer<typeof noticeSchema>;
export type Notices = z.infer<typeof noticesSchema>;
export type NoticeSettings = z.infer<typeof noticeSettingsSchema>;

/** Everything on, until a person chooses otherwise. */
export const DEFAULT_NOTICE_SETTINGS: NoticeSettings = {
  admin: { waiting: true, returned: true, published: true, failed: true },
  email: { waiting: true, returned: true, published: true, failed: true },
};
