/**
 * The publication pipeline's order, without Strapi: the runner calls its steps, the write and
 * its stages in the order written, all in one transaction; and the plugin's pipeline lists its
 * steps and stages in the order document-service/index.ts gives reasons for.
 */
import type { Core } from '@strapi/strapi';
import { describe, expect, it } from 'vitest';
import { documentRules, guards, publicationStages, publicationSteps } from '../src/plugins/campaign-desk/server/src/document-service';
import type { Context } from '../src/plugins/campaign-desk/server/src/document-service/actions';
import { pipeline, step, type PipelineParts } from '../src/plugins/campaign-desk/server/src/document-service/pipeline';

/** The rules are made without a running Strapi: they reach it only when they run. */
const strapi = {} as Core.Strapi;

const STORY = 'plugin::campaign-desk.story';

function recorded(overrides: Partial<PipelineParts<string>> = {}) {
  const log: string[] = [];
  let depth = 0;
  const note = (entry: string) => log.push(depth > 0 ? entry : `${entry} (outside the transaction)`);
  const parts: PipelineParts<string> = {
    async transaction(work) {
      depth += 1;
      try {
        return await work();
      } finally {
        note('commit or roll back');
        depth -= 1;
      }
    },
    appliesTo: (uid) => uid === STORY,
    steps: [
      step('first', ['create', 'update'], () => {
        note('first');
        return () => void note('first, after the write');
      }),
      step('updates only', ['update'], () => void note('updates only')),
      step('second', ['create'], async () => {
        note('second');
        return async (result) => void note(`second, after the write of ${(result as { documentId: string }).documentId}`);
      }),
    ],
    publicChanges: async () => {
      note('public changes worked out');
      return ['A', 'B'];
    },
    stages: ['check', 'journal', 'outbox'].map((name) => ({ name, each: (change: string) => void note(`${name} ${change}`) })),
    ...overrides,
  };
  const run = (uid = STORY, action = 'create') =>
    pipeline('test', ['create', 'update'], parts).run(
      { uid, action } as unknown as Context,
      (async () => {
        note('write');
        return { documentId: 'doc1' };
      }) as never,
    );
  return { log, run };
}

describe('a pipeline', () => {
  it('runs its steps, the write, what the steps left for after it, then each stage over every public change, in one transaction', async () => {
    const { log, run } = recorded();
    await expect(run()).resolves.toEqual({ documentId: 'doc1' });
    expect(log).toEqual([
      'first',
      'second',
      'write',
      'first, after the write',
      'second, after the write of doc1',
      'public changes worked out',
      'check A',
      'check B',
      'journal A',
      'journal B',
      'outbox A',
      'outbox B',
      'commit or roll back',
    ]);
  });

  it('journals and announces nothing once a change fails its check, and the error leaves the transaction', async () => {
    const refused = new Error('不能发布');
    const { log, run } = recorded({
      stages: [
        {
          name: 'check',
          each: (change) => {
            if (change === 'B') throw refused;
          },
        },
        { name: 'journal', each: (change) => void log.push(`journal ${change}`) },
      ],
    });
    await expect(run()).rejects.toBe(refused);
    expect(log.filter((entry) => entry.startsWith('journal'))).toEqual([]);
    expect(log.at(-1)).toBe('commit or roll back');
  });

  it('does not write when a step refuses', async () => {
    const { log, run } = recorded({
      steps: [
        step('refuses', ['create'], () => {
          throw new Error('不能');
        }),
      ],
    });
    await expect(run()).rejects.toThrow('不能');
    expect(log).toEqual(['commit or roll back']);
  });

  it('leaves other content types to the write alone, outside any transaction', async () => {
    const { log, run } = recorded();
    await run('plugin::upload.file');
    expect(log).toEqual(['write (outside the transaction)']);
  });
});

describe('the publication pipeline', () => {
  it('checks approval and words first, fills in before judging, and stores clauses before reading the public changes', () => {
    expect(publicationSteps(strapi).map((step) => step.name)).toEqual([
      'publishOnlyApproved',
      'publishWordCheck',
      'storyDateOnFirstPublish',
      'scheduleSettledByPublish',
      'reopenAfterEdit',
      'slugFromTitle',
      'outletOfAuthor',
      'ownOutletOnly',
      'placementStates',
      'onePlanPerOutletAndPhase',
      'liveEntryApproval',
      'clauseEditsOpinionDraft',
      'clausesAtPublish',
      'topicPublishedWithStory',
      'quizShape',
      'quizAtPublish',
    ]);
  });

  it('checks each public change against the contract, then journals it, then announces it', () => {
    expect(publicationStages(strapi).map((stage) => stage.name)).toEqual(['contractCheck', 'journalEntry', 'outboxEvent']);
  });

  it('is registered inside the publish notices and after the guards, as the one rule that writes with the write', () => {
    expect(documentRules(strapi).map((rule) => rule.name)).toEqual([
      'publishNotices',
      ...guards(strapi).map((rule) => rule.name),
      'publication',
    ]);
  });
});
