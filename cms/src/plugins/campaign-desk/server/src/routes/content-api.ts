import { PARTICIPATION_PATH } from '@campaign-desk/shared';

/** Open to the public, no token: the participation gate (participation/gate.ts) guards them before they are reached. */
const open = { policies: [] as string[], auth: false as const };

export default {
  type: 'content-api',
  routes: [
    {
      method: 'GET',
      path: '/snapshot',
      handler: 'snapshot.find',
      config: { policies: [] as string[], auth: undefined as false | undefined },
    },
    { method: 'GET', path: `${PARTICIPATION_PATH}/challenge`, handler: 'participation.challenge', config: open },
    { method: 'POST', path: `${PARTICIPATION_PATH}/:form`, handler: 'participation.submit', config: open },
  ],
};
