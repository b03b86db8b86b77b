export default {
  type: 'content-api',
  routes: [
    {
      method: 'GET',
      path: '/snapshot',
      handler: 'snapshot.find',
      config: { policies: [] as string[], auth: undefined as false | undefined },
    },
    {
      method: 'GET',
      path: '/undelivered',
      handler: 'undelivered.find',
      config: { policies: [] as string[], auth: undefined as false | undefined },
    },
  ],
};
