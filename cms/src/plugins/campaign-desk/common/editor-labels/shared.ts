/** What every label table of the content manager is made of, and the labels several types share. */
export type Field = string | [label: string, hint: string];
export interface Labels {
  mainField: string;
  fields: Record<string, Field>;
  /** Columns of the list view, set once (the first time the plugin configures the type). */
  list?: string[];
  /** Shown but not editable in the form. */
  readOnly?: string[];
}

export const SLUG: Field = ['网址别名（slug）', '留空则按标题自动生成拼音；首次发布后不能修改'];
export const SAMPLE: Field = ['示例内容', '虚构的示例数据：网站上标注“示例”，不进入订阅源和媒体覆盖统计（预览版网站除外）'];
export const SAMPLE_DATE: Field = ['日期为示例', '日期尚未确定、暂填示例日期时勾选：网站和日历在日期旁标注“示例”'];

/** A record of the taxonomy the system sets up (theme, activity, place): named by `name`, its slug fixed, so shown without a hint. */
export const fixedVocabulary = (name: string, fields: Record<string, Field>): Labels => ({
  mainField: 'name',
  fields: { slug: 'slug', name, ...fields },
});
