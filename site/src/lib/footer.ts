/**
 * What a Chinese government website's footer carries by convention: 主办单位, 承办单位, a
 * 联系我们 line, the ICP备案号 linked to the MIIT's record system, the 公安备案号 linked to the
 * MPS's, and the 政府网站标识码. They come from the site's environment when it is compiled
 * (see astro.config.ts; the compile fingerprint in renderer/compile.ts covers them, so a
 * change recompiles and rebuilds every page), are checked here, and each line shows only when
 * configured: nothing is ever made up.
 */
import { z } from 'zod';

/** Letters, digits, punctuation and spaces of one line: no control characters, no markup. */
const line = (max: number) =>
  z
    .string()
    .max(max, `不能超过 ${max} 个字符`)
    .regex(/^[^\p{Cc}<>]+$/u, '不能含控制字符或尖括号');

/** Each setting: its environment variable, what the footer calls it, and what it accepts. */
export const FOOTER_SETTINGS = {
  sponsor: { env: 'SITE_SPONSOR', label: '主办单位', schema: line(100) },
  organizer: { env: 'SITE_ORGANIZER', label: '承办单位', schema: line(100) },
  phone: {
    env: 'SITE_CONTACT_PHONE',
    label: '电话',
    schema: z.string().regex(/^\+?[\d\s()-]{5,30}(?:转\d{1,6})?$/u, '应为电话号码，如 0715-8123456'),
  },
  email: { env: 'SITE_CONTACT_EMAIL', label: '邮箱', schema: z.string().email('应为电子邮箱地址').max(100, '不能超过 100 个字符') },
  address: { env: 'SITE_CONTACT_ADDRESS', label: '地址', schema: line(100) },
  icp: {
    env: 'SITE_ICP',
    label: 'ICP备案号',
    schema: z.string().regex(/^\p{Script=Han}ICP[备证]\d{6,12}号(?:-\d{1,3})?$/u, '应如“鄂ICP备12345678号-1”'),
  },
  police: {
    env: 'SITE_POLICE_RECORD',
    label: '公安备案号',
    schema: z.string().regex(/^\p{Script=Han}公网安备\s?\d{14}号$/u, '应如“鄂公网安备 42120202000123号”'),
  },
  govId: {
    env: 'SITE_GOV_ID',
    label: '政府网站标识码',
    schema: z.string().regex(/^(?:\d{10}|bm\d{8})$/u, '应为 10 位，如 4212000001 或 bm09000001'),
  },
} as const;

export type FooterSetting = keyof typeof FOOTER_SETTINGS;

/** The configured settings; null where one is not configured. */
export type FooterConfig = { [K in FooterSetting]: string | null };

const KEYS = Object.keys(FOOTER_SETTINGS) as FooterSetting[];

/**
 * The footer's settings from an environment. An unset or blank variable is not configured; a
 * bad one stops the compile with a message naming the variable and what it should be.
 */
export function footerFromEnv(env: Record<string, string | undefined>): FooterConfig {
  const problems: string[] = [];
  const config = Object.fromEntries(
    KEYS.map((key) => {
      const { env: name, label, schema } = FOOTER_SETTINGS[key];
      const value = env[name]?.trim();
      if (!value) return [key, null];
      const parsed = schema.safeParse(value);
      if (parsed.success) return [key, parsed.data];
      problems.push(`${name}（${label}）${parsed.error.issues.map((issue) => issue.message).join('；')}，现为“${value.slice(0, 60)}”`);
      return [key, null];
    }),
  ) as FooterConfig;
  if (problems.length > 0) throw new Error(`网站页脚配置有误：${problems.join('。')}。`);
  return config;
}

/** The environment that configures exactly `config` (blank for what it leaves out, so nothing inherited counts). */
export function footerToEnv(config: FooterConfig): Record<string, string> {
  return Object.fromEntries(KEYS.map((key) => [FOOTER_SETTINGS[key].env, config[key] ?? '']));
}

/** A part of a footer line: a text or a link, after what it is (电话, 邮箱…) where a line has several. */
export type FooterPart = { prefix?: string; text: string; href?: string };

/** A footer line: what it is (主办单位…) and its parts, shown one after another. */
export type FooterLine = { label: string; parts: FooterPart[] };

/** Where anyone checks an ICP record (the MIIT's record system). */
export const ICP_LOOKUP = 'https://beian.miit.gov.cn/';

/** Where anyone checks a 公安备案 record, by its 14-digit number. */
export const policeLookup = (record: string) => `https://beian.mps.gov.cn/#/query/webSearch?code=${record.replace(/\D/g, '')}`;

/** The lines the footer shows for a configuration, in the order government sites give them. */
export function footerLines(config: FooterConfig): FooterLine[] {
  const { sponsor, organizer, phone, email, address, icp, police, govId } = config;
  const contact: FooterPart[] = [
    // A dialler takes digits and +; an extension (转) is left for the reader to dial.
    phone ? { prefix: '电话', text: phone, href: `tel:${phone.replace(/转.*$/u, '').replace(/[^\d+]/g, '')}` } : null,
    email ? { prefix: '邮箱', text: email, href: `mailto:${email}` } : null,
    address ? { prefix: '地址', text: address } : null,
  ].filter((part) => part !== null);
  const lines: Array<FooterLine | null> = [
    sponsor ? { label: FOOTER_SETTINGS.sponsor.label, parts: [{ text: sponsor }] } : null,
    organizer ? { label: FOOTER_SETTINGS.organizer.label, parts: [{ text: organizer }] } : null,
    contact.length > 0 ? { label: '联系我们', parts: contact } : null,
    icp ? { label: FOOTER_SETTINGS.icp.label, parts: [{ text: icp, href: ICP_LOOKUP }] } : null,
    police ? { label: FOOTER_SETTINGS.police.label, parts: [{ text: police, href: policeLookup(police) }] } : null,
    govId ? { label: FOOTER_SETTINGS.govId.label, parts: [{ text: govId }] } : null,
  ];
  return lines.filter((entry): entry is FooterLine => entry !== null);
}

declare global {
  /** The footer's configuration as the site was compiled with it (astro.config.ts defines it). */
  const __SITE_FOOTER__: FooterConfig;
}
