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
