import { Bell, ChartBubble, Clock, Key, Message, PaperPlane, Pencil, Television, Microphone } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import {
  EXPLORER_ACTIONS,
  LECTURES_ACTION,
  MODERATE_ACTION,
  OUTBOX_READ_ACTION,
  PARTNER_TOKENS_ACTION,
  PLUGIN_ID,
  STATISTICS_READ_ACTION,
  UID,
} from '../../common/names';
import { ReviewPanel } from './review/ReviewPanel';
import { labelEnumerationCells } from './list-view';
import { PLUGIN_DISPLAY_NAME, getTranslation, messagesFor } from './translations';

const READ_TOPICS = [{ action: EXPLORER_ACTIONS.read, subject: UID.topic }];

export default {
  register(app: StrapiApp) {
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_DISPLAY_NAME });
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}/desk`,
      icon: Pencil,
      intlLabel: { id: getTranslation('desk.menu'), defaultMessage: 'Coverage desk' },
      Component: () => import('./coverage/DeskPage'),
      permissions: READ_TOPICS,
    });
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}/statistics`,
      icon: ChartBubble,
      intlLabel: { id: getTranslation('statistics.menu'), defaultMessage: 'Statistics' },
      Component: () => import('./coverage/StatisticsPage'),
      permissions: [{ action: STATISTICS_READ_ACTION.id, subject: null }],
    });
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: PaperPlane,
      intlLabel: { id: getTranslation('outbox.menu'), defaultMessage: 'Publish events' },
      Component: () => import('./outbox/OutboxPage'),
      permissions: [{ action: OUTBOX_READ_ACTION.id, subject: null }],
    });
    // A route more specific than the outbox's, which React Router prefers.
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}/submissions`,
      icon: Message,
      intlLabel: { id: getTranslation('submissions.menu'), defaultMessage: 'Reader submissions' },
      Component: () => import('./participation/SubmissionsPage'),
      permissions: [{ action: MODERATE_ACTION.id, subject: null }],
    });
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}/live`,
      icon: Television,
      intlLabel: { id: getTranslation('live.menu'), defaultMessage: 'Live coverage' },
      Component: () => import('./live/LivePage'),
      permissions: [{ action: EXPLORER_ACTIONS.read, subject: UID.liveEntry }],
    });
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}/lectures`,
      icon: Microphone,
      intlLabel: { id: getTranslation('lectures.menu'), defaultMessage: 'Lecture bookings' },
      Component: () => import('./lectures/LecturesPage'),
      permissions: [{ action: LECTURES_ACTION.id, subject: null }],
    });
    app.addSettingsLink(
      { id: PLUGIN_ID, intlLabel: { id: getTranslation('settings.section'), defaultMessage: 'Campaign' } },
      {
        id: 'partner-tokens',
        to: 'partner-tokens',
        intlLabel: { id: getTranslation('partner-tokens.menu'), defaultMessage: 'Partner tokens' },
        Component: () => import('./coverage/PartnerTokensPage'),
        permissions: [{ action: PARTNER_TOKENS_ACTION.id, subject: null }],
      },
    );
    // Everyone's own: which notices they receive.
    app.addSettingsLink(PLUGIN_ID, {
      id: 'notices',
      to: 'notices',
      intlLabel: { id: getTranslation('notices.settings.title'), defaultMessage: 'My notices' },
      Component: () => import('./notices/NoticeSettingsPage'),
      permissions: [],
    });
    app.widgets.register([
      {
        id: 'review-queue',
        pluginId: PLUGIN_ID,
        icon: Clock,
        title: { id: getTranslation('widget.review-queue'), defaultMessage: 'Waiting for me' },
        component: async () => (await import('./review/ReviewWidgets')).ReviewQueueWidget,
      },
      {
        id: 'notices',
        pluginId: PLUGIN_ID,
        icon: Bell,
        title: { id: getTranslation('widget.notices'), defaultMessage: 'My notices' },
        link: { label: { id: getTranslation('widget.notice-settings'), defaultMessage: 'Notice settings' }, href: '/settings/notices' },
        component: async () => (await import('./review/ReviewWidgets')).NoticesWidget,
      },
      {
        id: 'my-topics',
        pluginId: PLUGIN_ID,
        icon: Pencil,
        title: { id: getTranslation('widget.my-topics'), defaultMessage: 'My topics' },
        link: { label: { id: getTranslation('widget.desk'), defaultMessage: 'Coverage desk' }, href: `/plugins/${PLUGIN_ID}/desk` },
        component: async () => (await import('./coverage/TopicWidgets')).MyTopicsWidget,
        permissions: READ_TOPICS,
      },
      {
        id: 'due-topics',
        pluginId: PLUGIN_ID,
        icon: Key,
        title: { id: getTranslation('widget.due-topics'), defaultMessage: 'Topics due this week or overdue' },
        link: { label: { id: getTranslation('widget.desk'), defaultMessage: 'Coverage desk' }, href: `/plugins/${PLUGIN_ID}/desk` },
        component: async () => (await import('./coverage/TopicWidgets')).DueTopicsWidget,
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
    return locales.map((locale) => ({ locale, data: messagesFor(locale) }));
  },
};
