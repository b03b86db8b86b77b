/**
 * Files in the media library change only as far as the records showing them allow. Installed
 * over the upload plugin's services at start-up, so it holds for every door into them (a
 * single file, a bulk delete, a folder deleted with its files, the content API).
 *
 * - Own uploads: where a role may change (edit, replace, delete: Strapi's one
 *   `assets.update`) only the files its users uploaded, that holds for every file, also in
 *   bulk and folder deletes, which Strapi does not check file by file.
 * - A file that a public record shows, or a story a reviewer has passed (初审 or later), is
 *   neither replaced, deleted nor given another alt text or caption in place, by anyone:
 *   that would change what readers see (at the same URL, as Strapi keeps a replaced file's
 *   name) without review and without a publish event, or publish a picture no reviewer saw. The refusal names the record and the
 *   way that goes through review: upload a new file and use it in the record.
 *
 * - A picture whose header claims more than MEDIA_MAX_PIXELS is refused before Strapi makes
 *   its thumbnails (sharp's default limit is 268 million pixels, a gigabyte decoded): a small file
 *   can claim far more than it weighs. The publisher decodes none over the same limit.
 *
 * Code acting on its own (no admin user: imports, seeding) is trusted, as in the Document Service,
 * except for the pixel limit, which protects the process whoever uploads.
 */
import sharp from 'sharp';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { MEDIA_MAX_PIXELS, RECORD_TYPES, type RecordType, type ReviewStage } from '@campaign-desk/shared';
import { CONTENT_TYPES, UID, UPLOAD_ACTIONS, UPLOAD_FILE_UID } from '../../../../common/names';
import { actingAbility, actingUser } from '../../request-context';
import { stageName } from '../../../../common/review-stages';
import { refusal } from '../../errors';
import { recordTypeOf } from '../../record-types';
import { defineService } from '../../utils';

interface FileRow {
  id: number;
  name: string;
  url: string;
  alternativeText?: string | null;
  caption?: string | null;
  folderPath?: string;
  createdBy?: unknown;
  related?: Array<Record<string, unknown> & { __type: string }>;
}

/** A record showing a file: which, and why it counts (public, or a story's draft a reviewer passed, at that stage). */
interface Showing {
  type: RecordType;
  documentId: string;
  label: string;
  reviewed: ReviewStage | null;
}

type Change = '替换' | '删除' | '修改替代文字或图注';

/** The stages at which a reviewer has passed a story as it is: its pictures are what they passed. */
const PASSED: readonly ReviewStage[] = ['first_passed', 'second_passed', 'approved'];

type Method = (...args: any[]) => Promise<unknown>;

/** A file as the body parser hands it to the upload service. */
interface Incoming {
  filepath: string;
  originalFilename?: string | null;
}

/** Refuses, before any is stored, a file whose header claims more pixels than MEDIA_MAX_PIXELS; files sharp cannot read are left to Strapi's own checks. */
async function assertFewEnoughPixels(files: Incoming | Incoming[] | undefined): Promise<void> {
  for (const file of [files ?? []].flat()) {
    // The header only, without sharp's limit (its refusal would not say why).
    const { width, height } = await sharp(file.filepath, { limitInputPixels: false })
      .metadata()
      .catch(() => ({ width: undefined, height: undefined }));
    if (width && height && width * height > MEDIA_MAX_PIXELS) {
      throw new errors.ValidationError(
        `图片“${file.originalFilename ?? ''}”有 ${width}×${height} 像素，超过上限 ${MEDIA_MAX_PIXELS / 1e8} 亿像素：请缩小后再上传`,
      );
    }
  }
}

export default defineService('media-guard', ({ strapi }: { strapi: Core.Strapi }) => {
  const files = () => strapi.db.query(UPLOAD_FILE_UID);

  async function load(where: Record<string, unknown>): Promise<FileRow[]> {
    return (await files().findMany({
      where,
      // The creator and their roles are what the conditions (is-creator, has-same-role-as-creator) look at.
      populate: { createdBy: { select: ['id'], populate: { roles: { select: ['id', 'code'] } } }, related: true },
    })) as FileRow[];
  }

  /** Whether a row of `uid` is what readers see, or a story's draft a reviewer passed as it is. */
  function counts(uid: string, row: Record<string, unknown>): Showing | null {
    const type = recordTypeOf(uid);
    if (!type) return null;
    const draftAndPublish = Boolean(strapi.contentType(UID[type]).options?.draftAndPublish);
    const stage = row.reviewStage as ReviewStage;
    const reviewed = type === 'story' && PASSED.includes(stage) && !row.publishedAt ? stage : null;
    if (draftAndPublish && !row.publishedAt && !reviewed) return null;
    return { type, documentId: String(row.documentId), label: String(row.title ?? row.name ?? row.documentId), reviewed };
  }

  /** Records that show `file`: through a media field, or as an image in their rich text. */
  async function showing(file: FileRow): Promise<Showing[]> {
    const found = (file.related ?? []).map((row) => counts(row.__type, row));
    for (const type of RECORD_TYPES) {
      const uid = UID[type];
      const { tableName, attributes } = strapi.db.metadata.get(uid);
      const blocks = Object.entries(attributes).filter(([, attribute]) => attribute.type === 'blocks');
      if (blocks.length === 0) continue;
      const column = (name: string) => (attributes[name] as { columnName: string }).columnName;
      const rows = (await strapi.db.getConnection(tableName).where((query) => {
        // Rich text keeps an image's URL; its text is searched, which `_` in the URL can only widen.
        for (const [name] of blocks) query.orWhereRaw('CAST(?? AS TEXT) LIKE ?', [column(name), `%${file.url}%`]);
      })) as Array<Record<string, unknown>>;
      // What `counts` reads, by attribute name.
      const named = ['documentId', 'publishedAt', 'reviewStage', 'title', 'name'].filter((name) => name in attributes);
      found.push(...rows.map((row) => counts(uid, Object.fromEntries(named.map((name) => [name, row[column(name)]])))));
    }
    // A record counts once, as public if any version of it is (a published story's draft has passed review too).
    const records = new Map<string, Showing>();
    for (const entry of found) {
      if (!entry) continue;
      const key = `${entry.type} ${entry.documentId}`;
      const other = records.get(key);
      records.set(key, { ...entry, reviewed: other && !other.reviewed ? null : entry.reviewed });
    }
    return [...records.values()];
  }

  /** Refuses `change` of `targets` for the acting admin user, with the reason; code acting on its own may. */
  async function assertMayChange(targets: FileRow[], change: Change): Promise<void> {
    if (!actingUser(strapi)) return;
    const ability = actingAbility(strapi);
    if (ability) {
      const manager = strapi.service('admin::permission').createPermissionsManager({
        ability,
        action: UPLOAD_ACTIONS.update,
        model: UPLOAD_FILE_UID,
      }) as { ability: { cannot(action: string, subject: unknown): boolean }; toSubject(entity: unknown): unknown };
      const foreign = targets.find((file) => manager.ability.cannot(UPLOAD_ACTIONS.update, manager.toSubject(file)));
      if (foreign) throw refusal(`你只能${change}自己上传的文件，“${foreign.name}”不是你上传的`);
    }
    for (const file of targets) {
      const [first, ...more] = await showing(file);
      if (!first) continue;
      const { displayName } = CONTENT_TYPES[first.type].info;
      const where = `${first.reviewed === 'approved' ? '已终审待发布' : first.reviewed ? stageName(first.reviewed) : '已发布'}的${displayName}《${first.label}》${more.length > 0 ? `等 ${more.length + 1} 条内容` : ''}`;
      throw refusal(
        `文件“${file.name}”正用于${where}，在媒体库里${change}它会不经审核直接改变读者看到的内容。` +
          `请上传新文件，在${displayName}中换用并重新送审发布；旧文件不再使用后即可删除。`,
      );
    }
  }

  /** Replaces `service[name]` by `guarded`, which gets the original to call once it has checked. */
  function guard(service: Record<string, unknown>, name: string, guarded: (original: Method, ...args: any[]) => Promise<unknown>) {
    const original = (service[name] as Method).bind(service);
    service[name] = (...args: unknown[]) => guarded(original, ...args);
  }

  return {
    install(): void {
      const upload = strapi.plugin('upload').service('upload') as Record<string, unknown>;
      guard(upload, 'upload', async (original, input: { files?: Incoming | Incoming[] } | undefined, ...rest) => {
        await assertFewEnoughPixels(input?.files);
        return original(input, ...rest);
      });
      guard(upload, 'replace', async (original, id: number | string, input: { file?: Incoming } | undefined, ...rest) => {
        await assertMayChange(await load({ id }), '替换');
        await assertFewEnoughPixels(input?.file);
        return original(id, input, ...rest);
      });
      guard(upload, 'updateFileInfo', async (original, id: number | string, info: Partial<FileRow>, ...rest) => {
        const targets = await load({ id });
        // Strapi keeps what is left out, and readers see an empty text as none: only a new alt text or caption reaches them.
        const differs = (next: string | null | undefined, now: string | null | undefined) => next != null && next !== (now ?? '');
        const describes = targets.some(
          (file) => differs(info.alternativeText, file.alternativeText) || differs(info.caption, file.caption),
        );
        if (describes) await assertMayChange(targets, '修改替代文字或图注');
        return original(id, info, ...rest);
      });
      guard(upload, 'remove', async (original, file: FileRow) => {
        await assertMayChange(await load({ id: file.id }), '删除');
        return original(file);
      });
      // Bulk deletes remove their files one by one, all at once: every file is checked first, so a refusal deletes none.
      guard(strapi.plugin('upload').service('file') as Record<string, unknown>, 'deleteByIds', async (original, ids: number[] = []) => {
        await assertMayChange(await load({ id: { $in: ids } }), '删除');
        return original(ids);
      });
      guard(strapi.plugin('upload').service('folder') as Record<string, unknown>, 'deleteByIds', async (original, ids: number[] = []) => {
        const folders = (await strapi.db.query('plugin::upload.folder').findMany({ where: { id: { $in: ids } } })) as Array<{
          path: string;
        }>;
        if (folders.length > 0) {
          const inside = folders.flatMap(({ path }) => [{ folderPath: path }, { folderPath: { $startsWith: `${path}/` } }]);
          await assertMayChange(await load({ $or: inside }), '删除');
        }
        return original(ids);
      });
    },
  };
});
