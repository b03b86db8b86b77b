/** The footer's settings from the environment: checked, and shown only as configured. */
import { describe, expect, test } from 'vitest';
import { FOOTER_SETTINGS, footerFromEnv, footerLines, footerToEnv, ICP_LOOKUP, type FooterConfig } from '../../src/lib/footer';

const FULL = {
  SITE_SPONSOR: '中共咸宁市委宣传部',
  SITE_ORGANIZER: '咸宁日报社',
  SITE_CONTACT_PHONE: '0715-8123456转801',
  SITE_CONTACT_EMAIL: 'xnzt@example.org',
  SITE_CONTACT_ADDRESS: '咸宁市咸安区某路 1 号',
  SITE_ICP: '鄂ICP备12345678号-1',
  SITE_POLICE_RECORD: '鄂公网安备 42120202000123号',
  SITE_GOV_ID: '4212000001',
};

describe('footerFromEnv', () => {
  test('nothing configured: nothing shown', () => {
    const config = footerFromEnv({});
    expect(Object.values(config).every((value) => value === null)).toBe(true);
    expect(footerLines(config)).toEqual([]);
    // Blank is not configured either.
    expect(footerLines(footerFromEnv({ SITE_SPONSOR: '  ', SITE_ICP: '' }))).toEqual([]);
  });

  test('everything configured: every line, in the order government sites give them, with its links', () => {
    const lines = footerLines(footerFromEnv(FULL));
    expect(lines.map((line) => line.label)).toEqual(['主办单位', '承办单位', '联系我们', 'ICP备案号', '公安备案号', '政府网站标识码']);
    const [sponsor, organizer, contact, icp, police, govId] = lines;
    expect(sponsor!.parts).toEqual([{ text: '中共咸宁市委宣传部' }]);
    expect(organizer!.parts).toEqual([{ text: '咸宁日报社' }]);
    expect(contact!.parts).toEqual([
      { prefix: '电话', text: '0715-8123456转801', href: 'tel:07158123456' },
      { prefix: '邮箱', text: 'xnzt@example.org', href: 'mailto:xnzt@example.org' },
      { prefix: '地址', text: '咸宁市咸安区某路 1 号' },
    ]);
    expect(icp!.parts).toEqual([{ text: '鄂ICP备12345678号-1', href: ICP_LOOKUP }]);
    expect(ICP_LOOKUP).toBe('https://beian.miit.gov.cn/');
    expect(police!.parts).toEqual([
      { text: '鄂公网安备 42120202000123号', href: 'https://beian.mps.gov.cn/#/query/webSearch?code=42120202000123' },
    ]);
    expect(govId!.parts).toEqual([{ text: '4212000001' }]);
  });

  test('a part of the contact line alone', () => {
    const [contact] = footerLines(footerFromEnv({ SITE_CONTACT_EMAIL: 'xnzt@example.org' }));
    expect(contact).toEqual({ label: '联系我们', parts: [{ prefix: '邮箱', text: 'xnzt@example.org', href: 'mailto:xnzt@example.org' }] });
  });

  test('a bad value stops with a Chinese message naming the variable, what it should be and what it is', () => {
    expect(() => footerFromEnv({ SITE_ICP: 'ICP 12345' })).toThrow(/SITE_ICP（ICP备案号）应如“鄂ICP备12345678号-1”，现为“ICP 12345”/);
    expect(() => footerFromEnv({ SITE_POLICE_RECORD: '42120202000123' })).toThrow(/SITE_POLICE_RECORD（公安备案号）/);
    expect(() => footerFromEnv({ SITE_GOV_ID: '12345' })).toThrow(/SITE_GOV_ID（政府网站标识码）/);
    expect(() => footerFromEnv({ SITE_CONTACT_EMAIL: 'not an address' })).toThrow(/SITE_CONTACT_EMAIL（邮箱）应为电子邮箱地址/);
    expect(() => footerFromEnv({ SITE_CONTACT_PHONE: 'javascript:alert(1)' })).toThrow(/SITE_CONTACT_PHONE（电话）/);
    expect(() => footerFromEnv({ SITE_SPONSOR: '<script>alert(1)</script>' })).toThrow(/SITE_SPONSOR（主办单位）不能含控制字符或尖括号/);
    expect(() => footerFromEnv({ SITE_ORGANIZER: '很长'.repeat(60) })).toThrow(/SITE_ORGANIZER（承办单位）不能超过 100 个字符/);
    // Every problem at once, not the first only.
    expect(() => footerFromEnv({ SITE_ICP: 'x', SITE_GOV_ID: 'y' })).toThrow(/SITE_ICP.*SITE_GOV_ID/);
  });

  test('the environment that configures a footer configures exactly it, blanking what it leaves out', () => {
    const config: FooterConfig = { ...footerFromEnv({}), sponsor: '咸宁市委宣传部', icp: '鄂ICP备12345678号-1' };
    const env = footerToEnv(config);
    expect(Object.keys(env).sort()).toEqual(
      Object.values(FOOTER_SETTINGS)
        .map((setting) => setting.env)
        .sort(),
    );
    expect(env.SITE_ORGANIZER).toBe('');
    expect(footerFromEnv({ ...FULL, ...env })).toEqual(config);
  });
});
