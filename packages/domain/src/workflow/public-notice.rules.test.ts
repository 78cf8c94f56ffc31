import { describe, expect, it } from 'vitest';
import { makeIdCard } from '../idcard/idcard.rules.js';
import { deadlineConfig } from './deadline.rules.js';
import {
  buildNoticeRows, buildPublicNotice, checkNoticeCases, checkNoticeText, classifyNumber, maskGivenName, noticeColumns, noticeReason, scanSensitive,
  type NoticeCase,
} from './public-notice.rules.js';

const ID = makeIdCard('411321', '19780512', 37);
const CASES: NoticeCase[] = [
  { villageName: '小店村', groupName: '第三组', headName: '王建国', householdSize: 4, monitorCategory: 'marginal', riskTypes: ['illness', 'schooling'] },
  { villageName: '小店村', groupName: '第五组', headName: '欧阳秀英', householdSize: 2, monitorCategory: 'unstable', riskTypes: ['disaster_flood'] },
];

describe('rows carry only what a notice may show', () => {
  it('drops ID, phone, bank account and health even when the caller passes them', () => {
    const leaky = CASES.map((c) => ({ ...c, idNumber: ID, phone: '13812345678', bankAccount: '6222020200112233445', health: '患有大病（尿毒症）' }));
    const rows = buildNoticeRows(leaky);
    const json = JSON.stringify(rows);
    for (const secret of [ID, '13812345678', '6222020200112233445', '尿毒症', '因病']) expect(json).not.toContain(secret);
    expect(rows[0]).toEqual({ seq: 1, village: '小店村', group: '第三组', headName: '王建国', householdSize: 4, category: '边缘易致贫户', reason: '刚性支出较大', method: '' });
  });

  it.each([
    [['illness'], '刚性支出较大'],
    [['disability', 'accident'], '刚性支出较大'],
    [['illness', 'disaster_flood'], '刚性支出较大、收入大幅缩减'],
    [['unstable_employment', 'lack_of_labour'], '收入大幅缩减、缺劳动力'],
    [['other'], '其他困难'],
    [['unknown_code'], '其他困难'],
    [[], ''],
  ] as const)('reason for %j → %s', (risks, words) => expect(noticeReason(risks)).toBe(words));

  it('a county may supply its own words', () => expect(noticeReason(['illness'], { illness: '因病支出较大' })).toBe('因病支出较大'));

  it.each([
    ['王建国', '王*国'], ['张三', '张*'], ['欧阳秀英', '欧阳*英'], ['欧阳娜', '欧阳*'], ['李', '李'], [' 司马相如 ', '司马*如'], ['阿依古丽', '阿**丽'],
  ] as const)('maskGivenName(%s) → %s', (name, masked) => expect(maskGivenName(name)).toBe(masked));

  it('names are masked only when asked', () => {
    expect(buildNoticeRows(CASES, { nameStyle: 'masked' }).map((r) => r.headName)).toEqual(['王*国', '欧阳*英']);
  });

  it.each([
    { name: 'empty batch', cases: [], problems: ['没有可公示的户'] },
    { name: 'blank name and bad size', cases: [{ ...CASES[0]!, headName: ' ', householdSize: 0 }], problems: ['第1户：户主姓名为空', '第1户：家庭人口应为正整数'] },
    { name: 'sound', cases: CASES, problems: [] },
  ])('case problems: $name', ({ cases, problems }) => expect(checkNoticeCases(cases)).toEqual(problems));
});

describe('columns', () => {
  it.each([
    { name: 'identification, one village with groups', kind: 'identification_publicity' as const, cases: CASES, titles: ['序号', '村民小组', '户主姓名', '家庭人口', '监测对象类别', '主要困难'] },
    { name: 'identification result across villages, no groups', kind: 'identification_result' as const, cases: [{ ...CASES[0]!, groupName: null }, { ...CASES[1]!, villageName: '大庄村', groupName: null }], titles: ['序号', '村', '户主姓名', '家庭人口', '监测对象类别', '主要困难'] },
    { name: 'elimination publicity', kind: 'elimination_publicity' as const, cases: CASES, titles: ['序号', '村民小组', '户主姓名', '家庭人口', '监测对象类别', '原主要困难', '拟消除方式'] },
    { name: 'elimination result', kind: 'elimination_result' as const, cases: CASES, titles: ['序号', '村民小组', '户主姓名', '家庭人口', '监测对象类别', '原主要困难', '消除方式'] },
  ])('$name', ({ kind, cases, titles }) => expect(noticeColumns(kind, buildNoticeRows(cases)).map((c) => c.title)).toEqual(titles));
});

describe('buildPublicNotice', () => {
  const base = { townshipName: '云阳镇', issuerName: '小店村村民委员会', postedOn: '2024-03-04', cases: CASES };

  it('builds the 识别纳入 公示 with its period and the objection contact', () => {
    const r = buildPublicNotice({ ...base, kind: 'identification_publicity', contactPhone: '13937712345' });
    if (!r.ok) throw new Error(r.message);
    const n = r.notice;
    expect(n.title).toBe('小店村村民委员会防止返贫监测对象识别纳入公示');
    expect(n.intro).toBe('经入户核实、信息比对和村级民主评议，拟将以下 2 户 6 人纳入防止返贫监测对象，现予公示。公示期：2024-03-04 至 2024-03-08。如有异议，请于公示期内向小店村村民委员会或云阳镇人民政府反映，联系电话：13937712345。');
    expect(n.period).toEqual({ from: '2024-03-04', to: '2024-03-08', earliestNextStepOn: '2024-03-09' });
    expect([n.households, n.persons]).toEqual([2, 6]);
    expect(n.text.split('\n')).toEqual([
      '小店村村民委员会防止返贫监测对象识别纳入公示',
      n.intro,
      '序号\t村民小组\t户主姓名\t家庭人口\t监测对象类别\t主要困难',
      '1\t第三组\t王建国\t4\t边缘易致贫户\t刚性支出较大',
      '2\t第五组\t欧阳秀英\t2\t脱贫不稳定户\t收入大幅缩减',
      '小店村村民委员会　2024-03-04',
    ]);
  });

  it('uses the configured 公示 period (working days)', () => {
    const r = buildPublicNotice({ ...base, kind: 'elimination_publicity', deadlines: deadlineConfig({ rules: { publicity: { counting: 'working' } } }), postedOn: '2024-03-01' });
    expect(r.ok && r.notice.period).toEqual({ from: '2024-03-01', to: '2024-03-07', earliestNextStepOn: '2024-03-08' });
  });

  it('a result notice has no period', () => {
    const r = buildPublicNotice({ ...base, kind: 'elimination_result', cases: CASES.map((c) => ({ ...c, eliminationMethod: 'assisted' })) });
    expect(r.ok && [r.notice.period, r.notice.intro, r.notice.rows[0]!.method]).toEqual([null, '经村级评议、村内公示、乡镇审核和县级审批，以下 2 户 6 人标注风险消除，现予公告。', '帮扶消除']);
  });

  it('refuses a batch whose data would leak a number', () => {
    const r = buildPublicNotice({ ...base, kind: 'identification_publicity', cases: [{ ...CASES[0]!, headName: `王建国${ID}` }] });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.findings.map((f) => f.kind)).toEqual(['id_number']);
    expect(!r.ok && r.message).toBe('公示公告中发现 1 处不得公开的信息：身份证号码（4113**********0379）。请删除后再打印'.replace('0379', ID.slice(-4)));
  });

  it('refuses an incomplete batch with row-level problems', () => {
    const r = buildPublicNotice({ ...base, kind: 'identification_publicity', cases: [{ ...CASES[0]!, householdSize: 1.5 }] });
    expect(!r.ok && r.problems).toEqual(['第1户：家庭人口应为正整数']);
  });
});

describe('the scanner (last check before printing)', () => {
  it.each([
    { name: 'an 18-digit ID', text: `户主身份证：${ID}。`, kinds: ['id_number'] },
    { name: 'an ID ending in x', text: '证件号41132119900101123x', kinds: ['id_number'] },
    { name: 'an ID in groups of four', text: '4113 2119 9001 0112 34', kinds: ['id_number'] },
    { name: 'an ID written 6-8-4', text: '411321 19900101 1234', kinds: ['id_number'] },
    { name: 'an ID in full-width digits', text: '４１１３２１１９９００１０１１２３４', kinds: ['id_number'] },
    { name: 'a 15-digit first-generation ID', text: '411321900101123', kinds: ['id_number'] },
    { name: 'a 残疾人证 number (20 digits)', text: `${ID}42`, kinds: ['id_number'] },
    { name: 'a mobile', text: '联系电话13812345678', kinds: ['mobile'] },
    { name: 'a mobile 3-4-4', text: '电话 138-1234-5678 或 139 1234 5678', kinds: ['mobile', 'mobile'] },
    { name: 'a mobile with +86', text: '+8613812345678', kinds: ['mobile'] },
    { name: 'a 19-digit bank card', text: '卡号6222020200112233445', kinds: ['bank_card'] },
    { name: 'a bank card in groups', text: '6217 0000 1234 5678 901', kinds: ['bank_card'] },
    { name: 'an 18-digit number that is no ID', text: '账号622202020011223344', kinds: ['bank_card'] },
    { name: 'a health word', text: '该户户主患有大病', kinds: ['health_detail'] },
    { name: 'several at once', text: `残疾，${ID}，13812345678`, kinds: ['health_detail', 'id_number', 'mobile'] },
    { name: 'dates, amounts, area codes and landlines pass', text: '公示期2024-03-04至2024-03-08，人均纯收入9,120元，区划411321100201，电话0377-66912345，共12户', kinds: [] },
    { name: 'a date pair separated by a space passes', text: '2024-03-04 2024-03-08', kinds: [] },
    { name: '12 digits that are not a mobile pass', text: '138123456789', kinds: [] },
    { name: 'a 10-digit number passes', text: '1381234567', kinds: [] },
    { name: 'ordinary text passes', text: '党的二十大精神', kinds: [] },
  ])('$name', ({ text, kinds }) => expect(scanSensitive(text).map((f) => f.kind)).toEqual(kinds));

  it('positions and masks the findings', () => {
    const text = `电话13812345678，身份证${ID}`;
    const [m, id] = scanSensitive(text);
    expect(m).toEqual({ kind: 'mobile', start: 2, end: 13, masked: '138****5678' });
    expect(text.slice(id!.start, id!.end)).toBe(ID);
    expect(id!.masked).toBe(`4113**********${ID.slice(-4)}`);
  });

  it('allows the listed numbers (the objection contact), however written', () => {
    expect(scanSensitive('联系电话：139 3771 2345', { allow: ['13937712345'] })).toEqual([]);
    expect(scanSensitive('联系电话：13937712345', { allow: ['139-3771-2345'] })).toEqual([]);
    expect(scanSensitive('联系电话：13937712345，13812345678', { allow: ['13937712345'] }).map((f) => f.masked)).toEqual(['138****5678']);
  });

  it.each([
    ['13812345678', 'mobile'], ['8613812345678', 'mobile'], ['12812345678', null], ['411321199001011234', 'id_number'], ['411321999901011234', 'bank_card'],
    ['6222020200112233', 'bank_card'], ['12345678901234567890123', 'bank_card'], ['411321100201', null], ['12345X', null],
  ] as const)('classifyNumber(%s) → %s', (digits, kind) => expect(classifyNumber(digits)).toBe(kind));

  it('checkNoticeText says what to remove', () => {
    expect(checkNoticeText('小店村公示')).toEqual({ ok: true, findings: [], message: null });
    expect(checkNoticeText('电话13812345678').message).toBe('公示公告中发现 1 处不得公开的信息：手机号码（138****5678）。请删除后再打印');
  });
});
