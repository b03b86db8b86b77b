/**
 * A pipeline: what must happen together when the plugin's content is written, in one
 * transaction and in the order it is written down (document-service/index.ts lists the
 * publication pipeline's).
 *
 * 1. Each step that covers the action runs, in order, before the write: it refuses, completes
 *    what is written, or hands back what it does once the write has run.
 * 2. The write itself (the rest of Strapi's Document Service).
 * 3. What the steps handed back runs, in the steps' order.
 * 4. The public changes the write made are worked out, once, and each stage goes through all
 *    of them in turn: the contract check throws before any is journaled, the journal writes
 *    before any is announced.
 *
 * All of it runs in one transaction, joined by the write: a refusal anywhere rolls back the
 * write and everything before it.
 */
import { rule, type Action, type Context, type Rule } from './actions';

/** What a step does once the write has run, given its result. */
export type AfterWrite = (result: unknown) => Promise<void> | void;

/** A step of a pipeline: runs before the write for the actions it covers. */
export interface Step {
  name: string;
  covers: readonly Action[];
  run(context: Context): Promise<AfterWrite | void> | AfterWrite | void;
}

export function step(name: string, covers: readonly Action[], run: Step['run']): Step {
  return { name, covers, run };
}

/** A stage every public change of the write goes through. */
export interface Stage<Change> {
  name: string;
  each(change: Change): Promise<void> | void;
}

export interface PipelineParts<Change> {
  /** Runs `work` in one transaction, and answers what it returned. */
  transaction<T>(work: () => Promise<T>): Promise<T>;
  /** Whether the pipeline runs for this content type at all. */
  appliesTo(uid: string): boolean;
  steps: readonly Step[];
  /** The public changes the write made, worked out once the steps' after-write parts have run. */
  publicChanges(context: Context, result: unknown): Promise<Change[]>;
  stages: readonly Stage<Change>[];
}

export function pipeline<Change>(name: string, covers: readonly Action[], parts: PipelineParts<Change>): Rule {
  return rule(name, covers, async (context, next) => {
    if (!parts.appliesTo(context.uid)) return next();
    return parts.transaction(async () => {
      const afterWrite: AfterWrite[] = [];
      for (const { covers: actions, run } of parts.steps) {
        if (!actions.includes(context.action as Action)) continue;
        const after = await run(context);
        if (after) afterWrite.push(after);
      }
      const result = await next();
      for (const after of afterWrite) await after(result);
      const changes = await parts.publicChanges(context, result);
      for (const stage of parts.stages) {
        for (const change of changes) await stage.each(change);
      }
      return result;
    });
  });
}
