/**
 * The plugin's import graph (server, admin and common, type-only imports too): no module may
 * reach itself again through its imports. `pnpm --filter strapi-plugin-campaign-desk test`.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-import-loop',
      severity: 'error',
      comment: 'An import loop ties features together: move what both sides need to the side that owns it.',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
