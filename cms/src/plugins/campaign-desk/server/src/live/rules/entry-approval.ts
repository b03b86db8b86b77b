/**
 * An entry of a live is public only once a 值班编辑 (审核直播条目) approved it, and the approval
 * is logged in the review log like any review move. Every door goes through here:
 * - a new entry waits (待审核), its writer recorded; the approval's fields are never typed;
 * - approving (state → 已审核) needs the action, a published live, a text free of the word list,
 *   what its kind needs, and someone other than the writer unless `live.selfApproval` is on;
 * - editing what an approved entry says takes it off the page until approved again, unless the
 *   editor may approve it and does (the content manager sends the state it showed);
 * - an approved entry is deleted only by a 值班编辑.
 * Code acting on its own (the seed, the demo) is no person: it writes entries as they are.
 */
import { LIVE_ENTRY_NEEDS, type LiveEntryState } from '@campaign-desk/shared';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { LIVE_APPROVE_ACTION, UID } from '../../../../common/names';
import { pluginConfig } from '../../config/read';
import { editOf, paramsOf } from '../../document-service/actions';
import { step, type Step } from '../../document-service/pipeline';
import { refusal } from '../../errors';
import people, { nameOf } from '../../newsroom/services/people';
import sensitiveWords from '../../participation/services/sensitive-words';
import { actingUser, type AdminUser } from '../../request-context';
import { getService } from '../../utils';

/** Written by this step alone. */
const RECORDED = ['postedAt', 'writerId', 'writerName', 'approvedById', 'approvedByName'] as const;
/** What an entry says: changing any of it after approval needs a new approval. */
const SAYS = ['kind', 'text', 'videoUrl', 'speaker', 'correction', 'photo', 'live', 'questionText', 'questionAsker'] as const;

interface Saved {
  state: LiveEntryState;
  kind: string;
  text: string;
  videoUrl: string | null;
  speaker: string | null;
  correction: boolean;
  questionText: string | null;
  questionAsker: string | null;
  postedAt: string | null;
  writerId: number | null;
  photo: { id: number } | null;
  live: { documentId: string } | null;
}

/** A relation or media value as written (an id, a documentId, `{ id }`, `{ connect: [...] }`), reduced to one id; undefined when left alone. */
function idOf(value: unknown): string | null | undefined {
  if (value === undefined) return undefined;
  if (value === null || value === '') return null;
  if (typeof value === 'number' || typeof value === 'string') return String(value);
  if (Array.isArray(value)) return value.length ? idOf(value[0]) : null;
  if (typeof value === 'object') {
    const { connect, set, disconnect, id, documentId } = value as Record<string, unknown>;
    if (connect !== undefined || set !== undefined || disconnect !== undefined) {
      const chosen = (Array.isArray(set) && set) || (Array.isArray(connect) && connect) || [];
      if (chosen.length) return idOf(chosen[0]);
      return Array.isArray(disconnect) && disconnect.length ? null : undefined;
    }
    return idOf(documentId ?? id ?? null);
  }
  return undefined;
}

export default (strapi: Core.Strapi): Step => {
  const mayApprove = (user: AdminUser) => getService(strapi, people).may(user, LIVE_APPROVE_ACTION.id);

  async function savedOf(documentId: string): Promise<Saved | null> {
    return (await strapi.db.query(UID.liveEntry).findOne({
      where: { documentId },
      populate: { photo: { select: ['id'] }, live: { select: ['documentId'] } },
    })) as Saved | null;
  }

  /** Whether the edit changes what the entry says. */
  function changes(data: Record<string, unknown>, saved: Saved): boolean {
    return SAYS.some((field) => {
      if (!(field in data)) return false;
      if (field === 'photo') {
        const id = idOf(data.photo);
        return id !== undefined && id !== (saved.photo ? String(saved.photo.id) : null);
      }
      if (field === 'live') {
        const id = idOf(data.live);
        return id !== undefined && id !== saved.live?.documentId && id !== String((saved.live as { id?: number } | null)?.id ?? '');
      }
      return (data[field] ?? null) !== (saved[field] ?? null);
    });
  }

  /** Refuses the approval, naming why; answers the live's documentId. */
  async function assertApprovable(entry: Record<string, unknown>, user: AdminUser | null, saved: Saved | null): Promise<void> {
    if (user) {
      if (!(await mayApprove(user))) throw refusal('只有值班编辑（有“审核直播条目”权限的人）可以审核通过直播条目');
      const writerId = saved ? saved.writerId : user.id;
      if (!pluginConfig(strapi).live.selfApproval && writerId === user.id) {
        throw refusal('这条直播条目是你写的，须由另一位值班编辑审核通过');
      }
    }
    const liveId = idOf(entry.live) ?? saved?.live?.documentId ?? null;
    const where = liveId && /^\d+$/.test(liveId) ? { id: Number(liveId) } : { documentId: liveId };
    const live = liveId
      ? ((await strapi.db.query(UID.live).findOne({ where, select: ['documentId', 'title'] })) as {
          documentId: string;
          title: string;
        } | null)
      : null;
    if (!live) throw new errors.ValidationError('直播条目的所属直播（live）：必填');
    const published = await strapi.db.query(UID.live).count({ where: { documentId: live.documentId, publishedAt: { $notNull: true } } });
    if (!published) throw new errors.ValidationError(`直播“${live.title}”尚未发布，条目不能审核通过：请先发布直播（预告）`);
    const needed = LIVE_ENTRY_NEEDS[String(entry.kind)];
    if (needed && (needed === 'photo' ? !idOf(entry.photo) : !entry[needed])) {
      const label = { photo: '图片（photo）', videoUrl: '视频链接（videoUrl）', speaker: '发言人（speaker）' }[needed];
      throw new errors.ValidationError(`直播条目的${label}：这类条目必须填写`);
    }
    const words = getService(strapi, sensitiveWords).find([String(entry.text ?? ''), (entry.speaker as string | null) ?? null]);
    if (words.length > 0) {
      throw new errors.ValidationError(`直播条目的文字（text）含敏感词：${words.join('、')}，不能审核通过，请修改后再审`);
    }
    const asked = getService(strapi, sensitiveWords).find([
      (entry.questionText as string | null) ?? null,
      (entry.questionAsker as string | null) ?? null,
    ]);
    if (asked.length > 0) {
      throw new errors.ValidationError(`直播条目所回答的网友提问（questionText）含敏感词：${asked.join('、')}，不能审核通过`);
    }
  }

  return step('liveEntryApproval', ['create', 'update', 'delete'], async (context) => {
    if (context.uid !== UID.liveEntry) return;
    const user = actingUser(strapi);
    const params = paramsOf(context);
    const saved = params.documentId ? await savedOf(params.documentId) : null;
    if (context.action === 'delete') {
      if (user && saved?.state === 'cleared' && !(await mayApprove(user))) throw refusal('已审核的直播条目只有值班编辑可以删除');
      return;
    }
    const edit = editOf(context.action, params);
    if (!edit) return;
    const data = edit.data;
    if (user) for (const field of RECORDED) delete data[field];
    if (context.action === 'create' && user) {
      data.writerId = user.id;
      data.writerName = nameOf(user);
    }
    const before: LiveEntryState = saved?.state ?? 'awaiting';
    const asked = (data.state as LiveEntryState | undefined) ?? before;
    const changed = saved ? changes(data, saved) : true;
    let after = asked;
    if (user && asked === 'cleared' && (before !== 'cleared' || changed)) {
      // An edit of an approved entry by someone who may not approve it sends it back to 待审核.
      if (before === 'cleared' && !(await mayApprove(user))) after = 'awaiting';
    }
    data.state = after;
    const approving = after === 'cleared' && (before !== 'cleared' || changed);
    if (approving) {
      await assertApprovable({ ...saved, ...data }, user, saved);
      data.postedAt = saved?.postedAt ?? new Date();
      data.approvedById = user?.id ?? null;
      data.approvedByName = nameOf(user);
    }
    const reopened = before === 'cleared' && after === 'awaiting';
    if (!approving && !reopened) return;
    return async (result) => {
      const documentId = params.documentId ?? (result as { documentId?: string } | null)?.documentId;
      if (!documentId) return;
      // The review log keys each move by the document reviewed: here an entry, not a story.
      await strapi.db.query(UID.reviewEntry).create({
        data: {
          storyId: documentId,
          action: approving ? LIVE_APPROVE_ACTION.uid : 'live.reopen',
          fromStage: before,
          toStage: after,
          comment: reopened ? '审核后内容有修改，重新审核' : null,
          actorId: user?.id ?? null,
          actorName: nameOf(user),
        },
      });
    };
  });
};
