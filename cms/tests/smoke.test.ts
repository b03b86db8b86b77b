import { afterAll, beforeAll, expect, it } from 'vitest';
import { startCms, type TestCms } from './support/strapi';

let cms: TestCms;
beforeAll(async () => {
  cms = await startCms();
});
afterAll(async () => cms?.destroy());

it('boots with taxonomy', async () => {
  const themes = await cms.strapi.documents('plugin::campaign-desk.theme').findMany({});
  expect(themes.map((t) => t.name)).toHaveLength(3);
});
