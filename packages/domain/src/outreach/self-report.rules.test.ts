import { describe, expect, it } from 'vitest';
import { checkSelfReport, rateWindowStart, riskTypesOfHardships, selfReportRateDecision, selfReportStatusOf, SELF_REPORT_STATUS_LABELS, HARDSHIPS } from './self-report.rules.js';
import { CODE_LISTS } from '../household/code-lists.js';

describe('hardships', () => {
  it('map to registry risk types that exist, deduplicated in catalogue order', () => {
    const known = CODE_LISTS.riskType.map((r) => r.code as string);
    for (const h of HARDSHIPS) expect(known).toContain(h.riskType);
    expect(riskTypesOfHardships(['water', 'illness', 'housing'])).toEqual(['illness', 'other']);
    expect(riskTypesOfHardships(['job_loss', 'disaster'])).toEqual(['disaster_other', 'unstable_employment']);
  });
});

describe('checkSelfReport', () => {
  const ok = { hardships: ['illness'], description: '父亲住院花了三万元', phone: '', photoCount: 0 };
  it.each([
    ['valid', ok, []],
    ['no hardship', { ...ok, hardships: [] }, [{ field: 'hardships', message: '请至少选择一项困难类型' }]],
    ['unknown hardship', { ...ok, hardships: ['illness', 'lottery'] }, [{ field: 'hardships', message: '困难类型无效：lottery' }]],
    ['blank description', { ...ok, description: '   ' }, [{ field: 'description', message: '请简单描述遇到的困难' }]],
    ['501 characters', { ...ok, description: '病'.repeat(501) }, [{ field: 'description', message: '情况说明不能超过500字（当前501字）' }]],
    ['500 characters', { ...ok, description: '病'.repeat(500) }, []],
    ['bad phone', { ...ok, phone: '12345' }, [{ field: 'phone', message: '联系电话格式不正确（11位手机号或带区号的固定电话）' }]],
    ['landline', { ...ok, phone: '0377-66012345' }, []],
    ['four photos', { ...ok, photoCount: 4 }, [{ field: 'photos', message: '最多上传3张照片' }]],
  ])('%s', (_n, input, expected) => {
    expect(checkSelfReport(input)).toEqual(expected);
  });
});

describe('status the farmer sees', () => {
  it.each([
    ['pushed', '已提交'], ['verifying', '核实中'], ['included', '已纳入监测'], ['already_monitored', '已纳入监测'], ['not_included', '不纳入'], ['duplicate', '已合并处理'],
  ] as const)('%s → %s', (state, label) => {
    expect(SELF_REPORT_STATUS_LABELS[selfReportStatusOf(state)]).toBe(label);
  });
});

describe('rate limits', () => {
  const limits = { maxPerClient: 3, maxPerHousehold: 2, windowMinutes: 60 };
  it.each([
    [{ client: 0, household: 0 }, null],
    [{ client: 2, household: 1 }, null],
    [{ client: 3, household: 0 }, 'client'],
    [{ client: 0, household: 2 }, 'household'],
    [{ client: 5, household: 5 }, 'household'],
  ])('%o → %s', (counts, scope) => {
    const d = selfReportRateDecision(counts, limits);
    if (scope === null) expect(d.ok).toBe(true);
    else expect(d).toMatchObject({ ok: false, scope });
  });
  it('names the window in the message', () => {
    expect(selfReportRateDecision({ client: 3, household: 0 }, limits)).toMatchObject({ message: '提交过于频繁：同一网络1小时内最多提交3次，请稍后再试' });
    expect(selfReportRateDecision({ client: 0, household: 2 }, { ...limits, windowMinutes: 30 })).toMatchObject({ message: expect.stringContaining('本户30分钟内已提交2次申报') });
  });
  it('computes the window start', () => {
    expect(rateWindowStart('2026-03-10T08:00:00.000Z', 90)).toBe('2026-03-10T06:30:00.000Z');
  });
});
