import { describe, expect, it } from 'vitest';
import { chineseDate, formatScore, noticeBody, noticeTitle, type NoticeEntry } from './notice.text.js';
import { printableNoticeHtml } from './notice.print.js';

describe('formatScore and chineseDate', () => {
  it.each([[76, '76分'], [69.7, '69.7分'], [98.25, '98.25分'], [0.5, '0.5分']])('%s → %s', (n, s) => {
    expect(formatScore(n)).toBe(s);
  });
  it.each([['2024-04-10', '2024年4月10日'], ['2025-12-01', '2025年12月1日']])('%s → %s', (d, s) => {
    expect(chineseDate(d)).toBe(s);
  });
});

describe('noticeBody', () => {
  const entries: NoticeEntry[] = [
    { departmentCode: 'health', departmentName: '县卫健委', class: 'close', finalScore: 90, rank: 2, basis: 'office' },
    { departmentCode: 'water', departmentName: '县水利局', class: 'close', finalScore: 92.5, rank: 1, basis: 'combined' },
    { departmentCode: 'finance', departmentName: '县财政局', class: 'related', finalScore: 95, rank: 1, basis: 'external' },
    { departmentCode: 'public_security', departmentName: '县公安局', class: 'emergency', finalScore: 76, rank: 1, basis: 'office' },
    { departmentCode: 'emergency_management', departmentName: '县应急管理局', class: 'emergency', finalScore: 74, rank: 2, basis: 'office' },
  ];
  const base = { quarter: { year: 2024, quarter: 1 as const }, entries, bottomN: 3, consecutiveQuarters: 2, date: '2024-04-10' };

  it('lists each class by rank with scores and the basis, then the lagging departments and the signature', () => {
    const body = noticeBody({ ...base, lagging: ['emergency_management'] });
    const lines = body.split('\n');
    expect(lines[0]).toBe('各乡镇、县直有关单位：');
    expect(lines.slice(2, 5)).toEqual(['一、紧密型部门（2个）', '　　第1名　县水利局　92.5分（含县专班延伸评价）', '　　第2名　县卫健委　90分']);
    expect(lines.slice(5, 7)).toEqual(['二、相关部门（1个）', '　　第1名　县财政局　95分（采用外部评价结果）']);
    expect(lines[7]).toBe('三、紧急预警部门（2个）');
    expect(lines[10]).toBe('四、连续落后部门');
    expect(lines[11]).toContain('县应急管理局连续2个季度处于本类别后3位，予以全县通报');
    expect(lines.slice(-2)).toEqual(['县巩固拓展脱贫攻坚成果“5+2”联动机制办公室', '2024年4月10日']);
  });

  it('says so when no department lags', () => {
    expect(noticeBody({ ...base, lagging: [] })).toContain('本季度没有连续2个季度处于本类别后3位的部门。');
  });

  it('titles the notice with the quarter', () => {
    expect(noticeTitle({ year: 2024, quarter: 3 })).toBe('关于2024年第三季度县直重点行业部门“5+2”联动工作排序情况的通报');
  });
});

describe('printableNoticeHtml', () => {
  it('escapes the text, marks a draft and signs with the last two lines', () => {
    const html = printableNoticeHtml({ title: '通报<script>', body: '正文 & 说明\n办公室\n2024年4月10日', status: 'draft' });
    expect(html).toContain('<h1>通报&lt;script&gt;</h1>');
    expect(html).toContain('<p>正文 &amp; 说明</p>');
    expect(html).toContain('<div class="signature"><p>办公室</p><p>2024年4月10日</p></div>');
    expect(html).toContain('草稿');
    expect(printableNoticeHtml({ title: 't', body: 'a\nb\nc', status: 'delivered' })).not.toContain('草稿');
  });
});
