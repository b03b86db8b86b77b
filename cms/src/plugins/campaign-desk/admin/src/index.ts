import { Message, PaperPlane } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { MODERATE_ACTION, OUTBOX_READ_ACTION, PLUGIN_ID } from '../../common/names';
import { ReviewPanel } from './components/ReviewPanel';
import { ENUMERATION_LABELS } from './labels';
import { labelEnumerationCells } from './list-view';

export default {
  register(app: StrapiApp) {
    app.registerPlugin({ id: PLUGIN_ID, name: 'Campaign Desk' });
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: PaperPlane,
      intlLabel: { id: `${PLUGIN_ID}.outbox.menu`, defaultMessage: '发布事件' },
      Component: () => import('./pages/OutboxPage'),
      permissions: [{ action: OUTBOX_READ_ACTION.id, subject: null }],
    });
    // A route more specific than the outbox's, which React Router prefers.
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}/submissions`,
      icon: Message,
      intlLabel: { id: `${PLUGIN_ID}.submissions.menu`, defaultMessage: '群众来稿' },
      Component: () => import('./pages/SubmissionsPage'),
      permissions: [{ action: MODERATE_ACTION.id, subject: null }],
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
    return locales.map((locale) => ({ locale, data: ENUMERATION_LABELS }));
  },
};
