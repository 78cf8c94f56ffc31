import { describe, expect, it } from 'vitest';
import { cardText, HOTLINE_PLACEHOLDER, isReportCode, maskName, selfReportUrl } from './card.rules.js';

describe('card', () => {
  it.each([['张三', '张*'], ['王小明', '王**'], ['欧阳小明', '欧***'], ['李', '李*'], ['', ''], [null, '']])('masks %s as %s', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });
  it('builds the public URL without doubling slashes', () => {
    expect(selfReportUrl('https://sw.example.cn/', 'ab'.repeat(16))).toBe(`https://sw.example.cn/r/${'ab'.repeat(16)}`);
  });
  it('recognises report codes', () => {
    expect(isReportCode('0123456789abcdef0123456789abcdef')).toBe(true);
    expect(isReportCode('0123456789ABCDEF0123456789abcdef')).toBe(false);
    expect(isReportCode('123')).toBe(false);
  });
  it('uses the hotline or a placeholder, and lists the hardships to report', () => {
    expect(cardText('0377-1234567').hotline).toBe('0377-1234567');
    expect(cardText('  ').hotline).toBe(HOTLINE_PLACEHOLDER);
    const all = cardText(null).whatToReport.join('');
    for (const w of ['生病', '意外', '自然灾害', '务工', '上学', '住房', '饮水']) expect(all).toContain(w);
  });
});
