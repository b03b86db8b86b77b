import bootstrap from './bootstrap';
import config from './config';
import contentTypes from './content-types';
import controllers from './controllers';
import destroy from './destroy';
import { passedGate } from './participation/gate';
import register from './register';
import routes from './routes';
import services from './services';

export default {
  register,
  bootstrap,
  config,
  contentTypes,
  controllers,
  destroy,
  // The public routes' second lock: a request the gate did not pass (a spelling it missed) is refused.
  policies: { 'passed-gate': (policyContext: { state: Record<string, unknown> }) => passedGate(policyContext) },
  routes,
  services,
};
