import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { ZodError } from 'zod';
import type services from './services';
import { PLUGIN_ID } from '../../common/names';

type Services = { [K in keyof typeof services]: ReturnType<(typeof services)[K]> };

/** The plugin's services, typed. */
export function getService<K extends keyof Services>(strapi: Core.Strapi, name: K): Services[K] {
  return strapi.plugin(PLUGIN_ID).service(name) as Services[K];
}

/** A request that failed its zod schema, as the 400 its caller reads: every field and why. */
export function invalidRequest(error: ZodError, subject: 'query' | 'body' | 'params'): InstanceType<typeof errors.ValidationError> {
  return new errors.ValidationError(
    error.issues.map((issue) => `${issue.path.join('.') || subject}: ${issue.message}`).join('; '),
  );
}
