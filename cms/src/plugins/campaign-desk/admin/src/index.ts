import { PaperPlane } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { OUTBOX_READ_ACTION, PLUGIN_ID } from '../../common/names';
import { ReviewPanel } from './components/ReviewPanel';
import { labelEnumerationCells } from './list-view';
import { PLUGIN_DISPLAY_NAME, getTranslation, messagesFor } from './translations';

export default {
  register(app: StrapiApp) {
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_DISPLAY_NAME });
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: PaperPlane,
      intlLabel: { id: getTranslation('outbox.menu'), defaultMessage: 'Publish events' },
      Component: () => import('./pages/OutboxPage'),
      permissions: [{ action: OUTBOX_READ_ACTION.id, subject: null }],
    });
  },

  bootstrap(app: StrapiApp) {
    const contentManager = app.getPlugin('content-manager') as unknown as {
      apis: { addEditViewSidePanel(panels: unknown[]): void };
    };
    contentManager.apis.addEditViewSidePanel([ReviewPanel]);
    app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', labelEnumerationCells);
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return locales.map((locale) => ({ locale, data: messagesFor(locale) }));
  },
};
