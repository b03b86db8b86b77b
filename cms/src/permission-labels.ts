/**
 * Chinese names of Strapi's own RBAC actions and of the groups the role editor sorts them
 * into, by the English Strapi registers them with. The role editor shows these names as
 * the server lists them, with no message id to translate, and then looks each group's name
 * up as a message id: the server (role-editor.ts) lists them in Chinese, and the admin
 * (admin/app.tsx) gives each Chinese group name a message of its own. The campaign plugin
 * names its own actions in Chinese where it declares them. Imports nothing: the admin
 * bundle reads it too.
 */

/** Plugins (as the plugins tab groups actions), categories of the settings tab, and groups within them. */
export const PERMISSION_GROUPS: Record<string, string> = {
  // plugins
  'content-manager': '内容管理器',
  'content-type-builder': '内容类型构建器',
  upload: '媒体库',
  email: '电子邮件',
  i18n: '国际化',
  // categories of the settings tab
  'media library': '媒体库',
  Internationalization: '国际化',
  'plugins and marketplace': '插件和市场',
  webhooks: 'Webhook',
  'users and roles': '用户和角色',
  'api tokens': 'API 令牌',
  'admin tokens': '管理令牌',
  project: '项目',
  'transfer tokens': '传输令牌',
  // groups
  general: '常规',
  'single types': '单个类型',
  'collection types': '集合类型',
  components: '组件',
  assets: '素材',
  Locales: '语言',
  marketplace: '插件市场',
  users: '用户',
  roles: '角色',
  'api Tokens': 'API 令牌',
};

export const PERMISSION_ACTIONS: Record<string, string> = {
  Create: '创建',
  Read: '读取',
  Update: '更新',
  Delete: '删除',
  Download: '下载',
  Regenerate: '重新生成',
  'Configure view': '配置视图',
  'Configure Layout': '配置布局',
  'Copy link': '复制链接',
  'Create (upload)': '创建（上传）',
  'Create (invite)': '创建（邀请）',
  'Create (generate)': '创建（生成）',
  'Delete (revoke)': '删除（吊销）',
  'Update (crop, details, replace) + delete': '更新（裁剪、详情、替换）及删除',
  'Access the Media Library': '访问媒体库',
  'Access the Media Library settings page': '访问媒体库设置页面',
  'Access the Email Settings page': '访问电子邮件设置页面',
  'Access the marketplace': '访问插件市场',
  'Access the API tokens settings page': '访问 API 令牌设置页面',
  'Access the Admin tokens settings page': '访问管理令牌设置页面',
  'Access the transfer tokens settings page': '访问传输令牌设置页面',
  'Update the project level settings': '更新项目设置',
  'Read the project level settings': '读取项目设置',
};
