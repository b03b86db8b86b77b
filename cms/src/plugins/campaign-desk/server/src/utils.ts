import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { ZodError } from 'zod';
import { PLUGIN_ID } from '../../common/names';

/** A service of the plugin: its factory, with the name Strapi registers it under. */
export type PluginService<S> = ((context: { strapi: Core.Strapi }) => S) & { readonly serviceName: string };

/**
 * Names a service's factory. Whoever uses the service imports it and asks `getService` for it,
 * so the import shows who depends on whom, and no module has to import every service to type one.
 */
export function defineService<S>(serviceName: string, factory: (context: { strapi: Core.Strapi }) => S): PluginService<S> {
  return Object.assign(factory, { serviceName });
}

/** The running instance of one of the plugin's services, typed by its factory. */
export function getService<S>(strapi: Core.Strapi, service: PluginService<S>): S {
  return strapi.plugin(PLUGIN_ID).service(service.serviceName) as S;
}

/** A request that failed its zod schema, as the 400 its caller reads: every field and why. */
export function invalidRequest(error: ZodError, subject: 'query' | 'body' | 'params'): InstanceType<typeof errors.ValidationError> {
  return new errors.ValidationError(error.issues.map((issue) => `${issue.path.join('.') || subject}: ${issue.message}`).join('; '));
}
