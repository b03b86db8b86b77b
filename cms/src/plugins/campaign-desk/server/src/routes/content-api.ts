export default {
  type: 'content-api',
  routes: [
    {
      method: 'GET',
      path: '/snapshot',
      handler: 'snapshot.find',
      config: { policies: [] as string[], auth: undefined as false | undefined },
    },
  ],
};
