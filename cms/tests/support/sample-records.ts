/**
 * A valid record of any campaign content type, made from its schema alone: every required
 * attribute filled (relations with a public record of their target), so a type added to the
 * plugin gets records in tests without anyone writing them. A required attribute of a kind
 * this cannot fill is an error naming it.
 */
import type { Core } from '@strapi/strapi';
import { PLUGIN_ID, UID, type CampaignContentKey } from 'strapi-plugin-campaign-desk/names';
import { paragraph } from './fixtures';

interface Attribute {
  type: string;
  required?: boolean;
  unique?: boolean;
  enum?: string[];
  default?: unknown;
  maxLength?: number;
  regex?: string;
  target?: string;
  relation?: string;
}

/** How a relation is written: by code (a documentId), or through the admin API ({ connect }). */
export type Door = 'code' | 'api';

/** What a type's document-service rules ask beyond the required attributes of its schema. */
const RULES_ASK: Partial<Record<CampaignContentKey, Record<string, unknown>>> = {
  // A pitch (已推送) holds its day and contact (placement-states.ts); it publishes nothing.
  placement: { state: 'pitched', pitchedOn: '2020-06-01', contact: '对接人' },
  // A question is saved only complete (quiz/rules/quiz-shape.ts): its options and its right one.
  quizQuestion: { options: '选项一\n选项二', answer: 'A' },
  // A quiz closes after it opens (quiz/rules/quiz-shape.ts).
  quiz: { closesAt: '2020-06-30T08:00:00.000Z' },
};

/** To-many relations a type's rules ask for (a quiz is published only with a question): one record of the target. */
const RULES_RELATE: Partial<Record<CampaignContentKey, Record<string, CampaignContentKey>>> = {
  quiz: { questions: 'quizQuestion' },
};

/** Relations a type's rules keep unique: each record gets a target of its own (one plan per outlet and phase). */
const OWN_TARGET: Partial<Record<CampaignContentKey, string[]>> = {
  reportingPlan: ['outlet'],
  // A quiz is published only with questions on public clauses: each question's clause is made public for it.
  quizQuestion: ['clause'],
};

const typeOfUid = (uid: string) => (Object.keys(UID) as Array<keyof typeof UID>).find((key) => UID[key] === uid);

export function sampleRecords(strapi: Core.Strapi) {
  let serial = 0;
  const targets = new Map<string, string>();
  const attributesOf = (type: CampaignContentKey) => strapi.contentType(UID[type] as never).attributes as Record<string, Attribute>;
  const publishable = (type: CampaignContentKey) => Boolean(strapi.contentType(UID[type] as never).options?.draftAndPublish);

  function text(attribute: Attribute): string {
    serial += 1;
    const candidates =
      attribute.type === 'email'
        ? [`sample-${serial}@newsroom.example.cn`]
        : [`矩阵样本${serial}`, `https://example.cn/sample/${serial}`, `sample-${serial}`];
    const fits = candidates.find((candidate) => !attribute.regex || new RegExp(attribute.regex).test(candidate));
    if (!fits) throw new Error(`no sample text fits ${attribute.regex}`);
    return fits.slice(-(attribute.maxLength ?? Infinity));
  }

  async function value(type: CampaignContentKey, name: string, attribute: Attribute, door: Door): Promise<unknown> {
    switch (attribute.type) {
      case 'string':
      case 'text':
      case 'email':
        return text(attribute);
      case 'enumeration':
        return attribute.default ?? attribute.enum![0];
      case 'integer':
      case 'biginteger':
      case 'float':
      case 'decimal':
        return 1;
      case 'boolean':
        return false;
      case 'date':
        return '2020-06-01';
      case 'datetime':
        return '2020-06-01T08:00:00.000Z';
      case 'blocks':
        return paragraph('样本正文');
      case 'json':
        return [];
      case 'relation': {
        const target = typeOfUid(attribute.target ?? '');
        if (!target || target === 'reviewEntry' || attribute.relation?.endsWith('Many')) break;
        const documentId = OWN_TARGET[type]?.includes(name)
          ? (await records.create(target as CampaignContentKey, { publish: true })).documentId
          : await publicRecord(target as CampaignContentKey);
        return door === 'code' ? documentId : { connect: [{ documentId }] };
      }
    }
    throw new Error(
      `sample-records cannot fill the required ${type}.${name} (${attribute.type}): teach it in tests/support/sample-records.ts`,
    );
  }

  /** One public record of `type`, an existing one (themes, activities and places cannot be made) or one made once, reused as a relation target. */
  async function publicRecord(type: CampaignContentKey): Promise<string> {
    if (!targets.has(type)) {
      const existing = (await strapi.db.query(UID[type] as never).findOne({
        where: publishable(type) ? { publishedAt: { $notNull: true } } : {},
        select: ['documentId'],
      })) as { documentId: string } | null;
      targets.set(type, existing?.documentId ?? (await records.create(type, { publish: true })).documentId);
    }
    return targets.get(type)!;
  }

  const records = {
    /** Every required attribute of `type`, as `door` writes them. */
    async data(type: CampaignContentKey, door: Door): Promise<Record<string, unknown>> {
      const data: Record<string, unknown> = {};
      for (const [name, attribute] of Object.entries(attributesOf(type))) {
        if (attribute.required) data[name] = await value(type, name, attribute, door);
      }
      for (const [name, target] of Object.entries(RULES_RELATE[type] ?? {})) {
        const documentId = await publicRecord(target);
        data[name] = door === 'code' ? [documentId] : { connect: [{ documentId }] };
      }
      return { ...data, ...RULES_ASK[type] };
    },

    /**
     * A record made by code (no author, or `author`), a draft unless `publish`; a story is
     * approved by the system first, as an import is.
     */
    async create(type: CampaignContentKey, { publish = false, author }: { publish?: boolean; author?: number } = {}) {
      const documents = strapi.documents(UID[type] as never);
      const data = await records.data(type, 'code');
      const created = (await documents.create({
        data,
        ...(publish && publishable(type) && type !== 'story' ? { status: 'published' } : {}),
      } as never)) as { documentId: string };
      if (author !== undefined) {
        const rows = (await strapi.db.query(UID[type] as never).findMany({ where: { documentId: created.documentId } })) as Array<{
          id: number;
        }>;
        for (const { id } of rows) await strapi.db.query(UID[type] as never).update({ where: { id }, data: { createdBy: author } });
      }
      // A clause is public once its opinion is published again (publication/services/published-clauses.ts).
      if (type === 'clause' && publish) await strapi.documents(UID.opinion).publish({ documentId: data.opinion } as never);
      if (type === 'story' && publish) {
        await strapi.plugin(PLUGIN_ID).service('review').approveAsSystem(created.documentId, '测试');
        await documents.publish({ documentId: created.documentId } as never);
      }
      return created;
    },

    /** An attribute an edit can change without touching anything fixed or unique, and a new value for it. */
    edit(type: CampaignContentKey): Record<string, unknown> {
      const editable = Object.entries(attributesOf(type)).filter(
        ([name, attribute]) =>
          ['string', 'text', 'integer'].includes(attribute.type) && !attribute.unique && !attribute.regex && name !== 'name',
      );
      const [name, attribute] = editable.find(([, candidate]) => !candidate.required) ?? editable[0] ?? [];
      if (!name || !attribute) throw new Error(`sample-records finds nothing to edit on ${type}`);
      return { [name]: attribute.type === 'integer' ? 2 : text(attribute) };
    },
  };
  return records;
}
