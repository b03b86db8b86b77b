import { ChartBubble, Key, Message, PaperPlane, Pencil } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { EXPLORER_ACTIONS, MODERATE_ACTION, OUTBOX_READ_ACTION, PARTNER_TOKENS_ACTION, PLUGIN_ID, STATISTICS_READ_ACTION, UID } from '../../common/names';
import { ReviewPanel } from './components/ReviewPanel';
import { ENUMERATION_LABELS } from './labels';
import { labelEnumerationCells } from './list-view';

const READ_TOPICS = [{ action: EXPLORER_ACTIONS.read, subject: UID.topic }];

export default {
  register(app: StrapiApp) {
    app.registerPlugin({ id: PLUGIN_ID, name: 'Campaign Desk' });
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}/desk`,
      icon: Pencil,
      intlLabel: { id: `${PLUGIN_ID}.desk.menu`, defaultMessage: '报道统筹' },
      Component: () => import('./pages/DeskPage'),
      permissions: READ_TOPICS,
    });
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}/statistics`,
      icon: ChartBubble,
      intlLabel: { id: `${PLUGIN_ID}.statistics.menu`, defaultMessage: '统计' },
      Component: () => import('./pages/StatisticsPage'),
      permissions: [{ action: STATISTICS_READ_ACTION.id, subject: null }],
    });
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
    app.addSettingsLink(
      { id: PLUGIN_ID, intlLabel: { id: `${PLUGIN_ID}.settings.section`, defaultMessage: '专题宣传' } },
      {
        id: 'partner-tokens',
        to: 'partner-tokens',
        intlLabel: { id: `${PLUGIN_ID}.partner-tokens.menu`, defaultMessage: '合作媒体令牌' },
        Component: () => import('./pages/PartnerTokensPage'),
        permissions: [{ action: PARTNER_TOKENS_ACTION.id, subject: null }],
      },
    );
    app.widgets.register([
      {
        id: 'my-topics',
        pluginId: PLUGIN_ID,
        icon: Pencil,
        title: { id: `${PLUGIN_ID}.widget.my-topics`, defaultMessage: '我的选题' },
        link: { label: { id: `${PLUGIN_ID}.widget.desk`, defaultMessage: '报道统筹' }, href: `/plugins/${PLUGIN_ID}/desk` },
        component: async () => (await import('./widgets/TopicWidgets')).MyTopicsWidget,
        permissions: READ_TOPICS,
      },
      {
        id: 'due-topics',
        pluginId: PLUGIN_ID,
        icon: Key,
        title: { id: `${PLUGIN_ID}.widget.due-topics`, defaultMessage: '本周到期与逾期的选题' },
        link: { label: { id: `${PLUGIN_ID}.widget.desk`, defaultMessage: '报道统筹' }, href: `/plugins/${PLUGIN_ID}/desk` },
        component: async () => (await import('./widgets/TopicWidgets')).DueTopicsWidget,
        // For those who plan topics (editors, the chief editor), not every reporter.
        permissions: [{ action: EXPLORER_ACTIONS.create, subject: UID.topic }],
      },
    ]);
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
