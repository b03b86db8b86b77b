/**
 * The plugin's names, each said once: its id, every content type (its UID, the names Strapi
 * derives routes and tables from, and the Chinese name editors see) and every RBAC action it
 * registers, grants or checks. The server, the admin, the tests and the scripts read them here.
 *
 * It sits in `common/`, beside `server/` and `admin/`, because both halves of the plugin
 * import it and the admin half runs in the browser: so it imports nothing, neither Node nor
 * Strapi's server. (`common/`, not `shared/`: in this repository `shared/` is the contract
 * package the site reads.)
 */

export const PLUGIN_ID = 'campaign-desk';

type PluginUid<Name extends string> = `plugin::${typeof PLUGIN_ID}.${Name}`;

/** A content type's UID and the `info` names of its schema; the UID ends in its singular name. */
function contentType<const Name extends string>(singularName: Name, pluralName: string, displayName: string) {
  return { uid: `plugin::${PLUGIN_ID}.${singularName}` as PluginUid<Name>, info: { singularName, pluralName, displayName } };
}

/**
 * The types editors work on in the content manager: the campaign's content (what the site
 * publishes) and the coverage desk's records (staff, reporting plans and topics), which are
 * the newsroom's own and never published.
 */
const CAMPAIGN_CONTENT = {
  story: contentType('story', 'stories', '稿件'),
  column: contentType('column', 'columns', '专栏'),
  theme: contentType('theme', 'themes', '主题'),
  activity: contentType('activity', 'activities', '“六大”活动'),
  place: contentType('place', 'places', '地区'),
  outlet: contentType('outlet', 'outlets', '媒体'),
  figure: contentType('figure', 'figures', '典型人物'),
  goodDeed: contentType('good-deed', 'good-deeds', '接力做好事'),
  opinion: contentType('opinion', 'opinions', '政策文件'),
  clause: contentType('clause', 'clauses', '文件条款'),
  event: contentType('event', 'events', '日程'),
  placement: contentType('placement', 'placements', '上稿记录'),
  staffMember: contentType('staff-member', 'staff-members', '采编人员'),
  reportingPlan: contentType('reporting-plan', 'reporting-plans', '报道方案'),
  topic: contentType('topic', 'topics', '选题'),
  suggestion: contentType('suggestion', 'suggestions', '建言献策'),
  /** 图文直播 (server/src/live/): live text coverage of an event, and its entries, each approved by a 值班编辑. */
  live: contentType('live', 'lives', '图文直播'),
  liveEntry: contentType('live-entry', 'live-entries', '直播条目'),
  /** 知识竞答 on the 《意见》 (server/src/quiz/): a quiz and the questions it is made of. */
  quiz: contentType('quiz', 'quizzes', '知识竞答'),
  quizQuestion: contentType('quiz-question', 'quiz-questions', '竞答题目'),
  /** 宣讲菜单 (server/src/lectures/): a topic the lecture groups offer, which units book. */
  lectureTopic: contentType('lecture-topic', 'lecture-topics', '宣讲题目'),
} as const;

/** The plugin's own records (journal, review log, outbox): written by its code, edited by nobody. */
const INTERNAL = {
  change: contentType('change', 'changes', '变更日志'),
  reviewEntry: contentType('review-entry', 'review-entries', '审稿记录'),
  outboxEvent: contentType('outbox-event', 'outbox-events', '发布事件'),
  outboxDelivery: contentType('outbox-delivery', 'outbox-deliveries', '事件推送'),
  /** What readers send through the site's forms, moderated on the 群众来稿 page (contact details kept apart, encrypted). */
  submission: contentType('submission', 'submissions', '群众来稿'),
  partnerToken: contentType('partner-token', 'partner-tokens', '合作媒体令牌'),
  /** What the newsroom is told of its stories (server/src/notices/): in the admin, and by email. */
  notice: contentType('notice', 'notices', '通知'),
  /** 定时发布: an approved story's publish at a set time (server/src/scheduling/), and how it went. */
  schedule: contentType('schedule', 'schedules', '定时发布'),
  /** A reader's question to a 图文直播 (server/src/live/), waiting for a 值班编辑, who refuses it or answers it as an entry. */
  liveQuestion: contentType('live-question', 'live-questions', '网友提问'),
  /** A reader's answers to a quiz, as the CMS checked them (no one's identity: an optional nickname at most). */
  quizEntry: contentType('quiz-entry', 'quiz-entries', '竞答答卷'),
  /** A unit's booking of a lecture (宣讲点单), handled on its admin page; the contact kept apart, encrypted. */
  lectureBooking: contentType('lecture-booking', 'lecture-bookings', '宣讲预约'),
} as const;

export const CONTENT_TYPES = { ...CAMPAIGN_CONTENT, ...INTERNAL } as const;

export type ContentTypeKey = keyof typeof CONTENT_TYPES;
export type CampaignContentKey = keyof typeof CAMPAIGN_CONTENT;

export const CAMPAIGN_CONTENT_TYPES = Object.keys(CAMPAIGN_CONTENT) as CampaignContentKey[];

/** Each content type's UID, e.g. `UID.goodDeed` is `plugin::campaign-desk.good-deed`. */
export const UID = Object.fromEntries(Object.entries(CONTENT_TYPES).map(([key, type]) => [key, type.uid])) as {
  readonly [Key in ContentTypeKey]: (typeof CONTENT_TYPES)[Key]['uid'];
};

/** An RBAC action the plugin registers: `uid` as registered, `id` as permissions name it. */
function pluginAction<const Uid extends string>(uid: Uid, subCategory: string, displayName: string) {
  return { uid, id: `plugin::${PLUGIN_ID}.${uid}` as PluginUid<Uid>, subCategory, displayName };
}

/** The review moves (三审), each an action of its own in Settings → Roles → Plugins. */
export const REVIEW_ACTIONS = {
  submit: pluginAction('review.submit', '审稿', '送审'),
  first: pluginAction('review.first', '审稿', '初审'),
  second: pluginAction('review.second', '审稿', '复审'),
  final: pluginAction('review.final', '审稿', '终审'),
  return: pluginAction('review.return', '审稿', '退回修改'),
} as const;

export type ReviewAction = keyof typeof REVIEW_ACTIONS;

/** Seeing the publish-event outbox (the 发布事件 page and its admin API). */
export const OUTBOX_READ_ACTION = pluginAction('outbox.read', '发布事件', '查看发布事件推送');

/** Sending a delivery that was given up on (失败) again: 重新投递 on the 发布事件 page. */
export const OUTBOX_REDELIVER_ACTION = pluginAction('outbox.redeliver', '发布事件', '重新投递失败的发布事件');

/** Checking a placement's evidence: moving it to 已核实 (or back), and changing a verified one. */
export const PLACEMENT_VERIFY_ACTION = pluginAction('placement.verify', '上稿', '核实上稿记录');

/** The 统计 and 周报 pages, their admin API and the exports for the 六大办. */
export const STATISTICS_READ_ACTION = pluginAction('statistics.read', '统计', '查看统计、导出周报');

/** Issuing and revoking partner outlets' API tokens (合作媒体令牌). */
export const PARTNER_TOKENS_ACTION = pluginAction('partner-tokens.manage', '合作媒体', '管理合作媒体令牌');

/** Moderating what readers send (the 群众来稿 page and its admin API): adopt, reject, turn into a story. */
export const MODERATE_ACTION = pluginAction('participation.moderate', '群众参与', '审核群众来稿');

/** Approving a live's entries (值班编辑): an entry is public only once approved. */
export const LIVE_APPROVE_ACTION = pluginAction('live.approve', '图文直播', '审核直播条目（值班编辑）');

/** 宣传组: handling units' lecture bookings (宣讲点单): accept with a date and speakers, decline, record the lecture. */
export const LECTURES_ACTION = pluginAction('lectures.manage', '宣讲点单', '受理宣讲点单（宣传组）');

/**
 * Every RBAC action the plugin registers (Settings → Roles → Plugins → Campaign Desk). A new
 * action is added here: registration, the roles table and the role matrix read this list.
 */
export const PLUGIN_ACTIONS = [
  ...Object.values(REVIEW_ACTIONS),
  OUTBOX_READ_ACTION,
  OUTBOX_REDELIVER_ACTION,
  PLACEMENT_VERIFY_ACTION,
  STATISTICS_READ_ACTION,
  PARTNER_TOKENS_ACTION,
  MODERATE_ACTION,
  LIVE_APPROVE_ACTION,
  LECTURES_ACTION,
] as const;

export type PluginAction = (typeof PLUGIN_ACTIONS)[number];

/** Strapi's own role that holds every action; the review rules and the role matrix name it. */
export const SUPER_ADMIN_ROLE = 'strapi-super-admin';

/** The content manager's actions on a content type, as roles are granted them. */
export const EXPLORER_ACTIONS = {
  create: 'plugin::content-manager.explorer.create',
  read: 'plugin::content-manager.explorer.read',
  update: 'plugin::content-manager.explorer.update',
  delete: 'plugin::content-manager.explorer.delete',
  publish: 'plugin::content-manager.explorer.publish',
} as const;

/**
 * The media library's actions the newsroom roles are granted. `update` is Strapi's one action
 * for editing a file's details, replacing it and deleting it.
 */
export const UPLOAD_ACTIONS = {
  read: 'plugin::upload.read',
  create: 'plugin::upload.assets.create',
  update: 'plugin::upload.assets.update',
  download: 'plugin::upload.assets.download',
  copyLink: 'plugin::upload.assets.copy-link',
} as const;

/** The uploaded files' content type, which the media library's permissions name as subject. */
export const UPLOAD_FILE_UID = 'plugin::upload.file';
