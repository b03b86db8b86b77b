import { errors } from '@strapi/utils';
import type { ZodError } from 'zod';

/** A record that does not satisfy the shared contract; the message names record and field. */
export class ContractViolation extends Error {
  override readonly name = 'ContractViolation';
  constructor(
    message: string,
    override readonly cause: ZodError,
  ) {
    super(message);
  }
}

/**
 * A review move made from a stage the story has left since the reviewer saw it (someone else
 * moved it first): answered with a 409 that names the stage it is in now.
 */
export class StageConflict extends Error {
  override readonly name = 'StageConflict';
  constructor(
    message: string,
    readonly stage: string,
  ) {
    super(message);
  }
}

/**
 * A 403 whose reason reaches the person refused. Strapi's router answers any other
 * ForbiddenError a handler throws with a bare “Forbidden”; a PolicyError keeps its message.
 */
export function refusal(message: string): InstanceType<typeof errors.PolicyError> {
  return new errors.PolicyError(message);
}
