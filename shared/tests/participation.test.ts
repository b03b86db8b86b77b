import { describe, expect, it } from 'vitest';
import { LIMITS, cleanText, describeProblems, fieldProblems, goodDeedFormSchema, suggestionFormSchema } from '../src/participation';

const suggestion = { topic: 'shifanqu', text: '建议在温泉新区增设夜间公交线路，方便游客。', consent: 'on' };
const deed = { doer: '通山县某村党员', place: 'tongshan', date: '2020-06-05', description: '冒雨帮助村民抢收晾晒的稻谷。', consent: 'on' };

function problemsOf(result: { success: boolean; error?: import('zod').ZodError }) {
  expect(result.success).toBe(false);
  return fieldProblems(result.error!);
}

describe('cleanText', () => {
  it('removes what hides or reorders text and keeps line breaks', () => {
    expect(cleanText(' 甲\u202e乙\u2066丙\u0007丁\u200b\r\n戊\t己 ')).toBe('甲乙丙丁\n戊 己');
    expect(cleanText('一\n二', { singleLine: true })).toBe('一 二');
    expect(cleanText('a\n\n\n\n\nb')).toBe('a\n\nb');
    // NFC: a decomposed é becomes one code point.
    expect(cleanText('e\u0301')).toBe('\u00e9');
  });
});

describe('the suggestion form', () => {
  it('takes a suggestion and makes empty optional fields null', () => {
    const parsed = suggestionFormSchema.parse({ ...suggestion, name: '', contact: '' });
    expect(parsed).toEqual({ ...suggestion, name: null, contact: null });
  });

  it('names each field that is wrong, in Chinese', () => {
    const problems = problemsOf(suggestionFormSchema.safeParse({ topic: 'nope', text: '太短', contact: 'not a contact' }));
    expect(problems.map((problem) => problem.field)).toEqual(['topic', 'text', 'contact', 'consent']);
    const line = describeProblems(problems);
    expect(line).toContain('请选择建议方向');
    expect(line).toContain('建议内容至少需要 10 个字（现在 2 个）');
    expect(line).toContain('联系方式应为手机号、电话号码或电子邮箱');
    expect(line).toContain('请阅读并勾选同意说明');
  });

  it('counts characters after cleaning, so invisible padding does not make a suggestion long enough', () => {
    const problems = problemsOf(
      suggestionFormSchema.safeParse({ ...suggestion, text: `短\u200b\u200b\u200b\u200b\u200b\u200b\u200b\u200b\u200b\u200b` }),
    );
    expect(problems[0]!.message).toContain('至少需要 10 个字');
  });

  it('refuses 20,000 characters, broken UTF-8 and fields it does not have', () => {
    expect(problemsOf(suggestionFormSchema.safeParse({ ...suggestion, text: '长'.repeat(20_000) }))[0]!.message).toContain(
      `最多 ${LIMITS.text.max} 个字`,
    );
    expect(problemsOf(suggestionFormSchema.safeParse({ ...suggestion, text: `有效文字\ufffd\ufffd乱码部分在这里` }))[0]!.message).toContain(
      '无法识别的字符',
    );
    const unknown = problemsOf(suggestionFormSchema.safeParse({ ...suggestion, isAdmin: 'true' }));
    expect(unknown[0]).toMatchObject({ field: 'isAdmin', message: '表单中没有“isAdmin”这一项' });
  });

  it('keeps markup as text: it is escaped where shown, never stripped into something else', () => {
    const parsed = suggestionFormSchema.parse({ ...suggestion, text: '<script>alert(1)</script><img src=x onerror=alert(1)>' });
    expect(parsed.text).toBe('<script>alert(1)</script><img src=x onerror=alert(1)>');
  });

  it('takes phone numbers and e-mail addresses as contact', () => {
    for (const value of ['13800138000', '+86 138 0013 8000', '0715-8123456', 'reader@example.com']) {
      expect(suggestionFormSchema.parse({ ...suggestion, contact: value }).contact).toBe(value);
    }
  });
});

describe('the good-deed form', () => {
  it('takes a good deed', () => {
    expect(goodDeedFormSchema.parse({ ...deed, figure: 'tang-guangyou' })).toMatchObject({ ...deed, figure: 'tang-guangyou', name: null });
  });

  it('refuses a day that does not exist, a future day and an unknown place', () => {
    expect(problemsOf(goodDeedFormSchema.safeParse({ ...deed, date: '2020-02-30' }))[0]!.message).toBe('日期不是有效的日期');
    expect(problemsOf(goodDeedFormSchema.safeParse({ ...deed, date: '2999-01-01' }))[0]!.message).toBe('日期不能晚于今天');
    expect(problemsOf(goodDeedFormSchema.safeParse({ ...deed, place: 'beijing' }))[0]!.message).toBe('请选择地点');
    expect(problemsOf(goodDeedFormSchema.safeParse({ ...deed, figure: '../admin' }))[0]!.field).toBe('figure');
  });
});
