/**
 * The cases demo: 识别纳入 and 风险消除 cases across their states in the demo village (the `village` user's), a few
 * early-stage ones elsewhere in the demo township and the county, relative to the injected today. Every step goes
 * through the same code the routes use (`openIdentificationCase`, `runStep`, the notice service), each on the day it
 * would have happened, so timelines, notices, deadlines and the households' monitoring fields are consistent.
 *
 * In the demo village: one household identified end to end (done); two on a posted 公示 — one paused by an objection,
 * one past it at 乡镇审核 (due soon); one in 公示 on a notice posted two days ago; one stuck at 入户核实 (overdue);
 * one just opened; one elimination done on a recorded county override (自然消除); one elimination at 村级评议 with the
 * criteria failing. Elsewhere: overdue and fresh cases at 入户核实 so the overdue lists have several areas.
 *
 * The two households approved by the county get a 帮扶责任人 (a demo official without a login) because 县级审批 requires
 * one; the assistance demo (loaded later) finds them already assigned.
 */
import { addCalendarDays, areaRange, type Role } from '@shouwang/domain';
import type { Queryable } from '../db/db.js';
import type { Clock } from '../clock.js';
import { todayOf } from '../clock.js';
import type { AuthedContext } from '../http/context.js';
import { openIdentificationCase } from '../modules/cases/case.opener.js';
import { runStep, type StepInput } from '../modules/cases/case.steps.js';
import { NoticeService } from '../modules/cases/notice.service.js';
import { CaseService } from '../modules/cases/case.service.js';
import { actorOf, nowOf } from '../modules/workflow/workflow.store.js';
import type { FeatureDemoLoader } from './feature.demos.js';

interface DemoUserRow { id: number; username: string; display_name: string; role: Role; area_code: string; department_code: string | null }

/** A clock fixed at 10:00 China time on `day` (never later than the real clock's now). */
const clockAt = (day: string, real: Clock): Clock => () => new Date(Math.min(Date.parse(`${day}T02:00:00Z`), real().getTime()));

export const loadCasesDemo: FeatureDemoLoader = async (db, o) => {
  if ((await db.query(`SELECT 1 FROM case_notice LIMIT 1`)).length) return null;
  const today = todayOf(o.clock);
  const ago = (n: number) => addCalendarDays(today, -n);
  const users = new Map((await db.query<DemoUserRow>(
    `SELECT id, username, display_name, role, area_code, department_code FROM user_account WHERE username IN ('county', 'township', 'village')`)).map((u) => [u.username, u]));
  const ctxOf = (name: string): AuthedContext => {
    const u = users.get(name)!;
    return { user: { id: Number(u.id), username: u.username, displayName: u.display_name, role: u.role, areaCode: u.area_code, departmentCode: u.department_code }, clientIp: '127.0.0.1' };
  };
  if (!users.get('county') || !users.get('township') || !users.get('village')) return null;
  const village = ctxOf('village');
  const township = ctxOf('township');
  const county = ctxOf('county');
  const V = village.user.areaCode;
  const T = township.user.areaCode;

  const pick = async (where: string, params: unknown[], limit: number) => (await db.query<{ id: number; village_code: string }>(
    `SELECT h.id, h.village_code FROM household h
      WHERE ${where} AND NOT EXISTS (SELECT 1 FROM monitoring_case c WHERE c.household_id = h.id)
        AND EXISTS (SELECT 1 FROM person p WHERE p.household_id = h.id AND p.relation = 'head')
      ORDER BY (h.id * 7919) % 10007, h.id LIMIT ${limit}`, params)).map((r) => ({ id: Number(r.id), village: r.village_code }));
  const plain = await pick(`h.village_code = $1 AND h.monitor_category IS NULL`, [V], 8);
  const monitored = await pick(`h.village_code = $1 AND h.monitor_category IS NOT NULL AND NOT h.risk_eliminated`, [V], 2);
  const t = areaRange(T);
  const elsewhere = await pick(`h.village_code >= $1 AND h.village_code < $2 AND h.village_code <> $3 AND h.monitor_category IS NULL`, [t.from, t.to, V], 3);
  const c = areaRange(o.countyCode);
  const farAway = await pick(`h.village_code >= $1 AND h.village_code < $2 AND NOT (h.village_code >= $3 AND h.village_code < $4) AND h.monitor_category IS NULL`, [c.from, c.to, t.from, t.to], 2);
  // Without two 监测户 in the village (a small demo), two more households are identified first and then eliminated.
  if (plain.length < 6 + Math.max(0, 2 - monitored.length)) return null;

  const open = async (ctx: AuthedContext, h: { id: number; village: string }, day: string, riskTypes: string[], remarks: string) =>
    db.tx((q) => openIdentificationCase(q, { householdId: h.id, villageCode: h.village, riskTypes, clueOn: day, remarks, openedBy: ctx.user.id }, actorOf(ctx.user), nowOf(clockAt(day, o.clock))));
  const step = (ctx: AuthedContext, id: number, day: string, event: string, extra: Omit<StepInput, 'event'> = {}) =>
    db.tx((q) => runStep(q, ctx, clockAt(day, o.clock), id, { event, ...extra }));
  const facts = (q: Queryable, id: number, f: Record<string, unknown>) =>
    q.query(`UPDATE monitoring_case SET facts = facts || $1::jsonb WHERE id = $2`, [JSON.stringify(f), id]);
  let helperId: number | null = null;
  const assignHelper = async (householdId: number, day: string) => {
    if (helperId === null) {
      const [row] = await db.query<{ id: number }>(`INSERT INTO helper_person (name, unit, position, area_code) VALUES ('李明远', '南召县乡村振兴局', '驻村工作队员', $1) RETURNING id`, [T]);
      helperId = Number(row!.id);
    }
    await db.query(`INSERT INTO helper_assignment (household_id, helper_id, assigned_on, reason) VALUES ($1, $2, $3, '识别纳入时明确帮扶责任人') ON CONFLICT DO NOTHING`, [householdId, helperId, day]);
    await db.query(`UPDATE household SET helper_name = '李明远' WHERE id = $1 AND helper_name IS NULL`, [householdId]);
  };
  const signAuthorization = (id: number) => db.tx((q) => facts(q, id, { authorizationSigned: true }));
  const verify = async (id: number, day: string) => {
    await signAuthorization(id);
    await step(village, id, day, 'record_home_visit', { remarks: '入户核实：家庭成员、收支和“三保障”情况已核实，农户签署承诺授权书' });
    await step(township, id, day, 'record_data_check', { remarks: '与医保、民政、残联等部门数据比对，未见异常' });
  };

  /** The whole identification path, starting `start` days ago and taking 14 days. */
  const identify = async (h: { id: number; village: string }, start: number, risk: string, why: string) => {
    const id = await open(village, h, ago(start), [risk], why);
    await verify(id, ago(start - 1));
    await step(village, id, ago(start - 3), 'approve', { remarks: '村民代表民主评议通过' });
    await step(village, id, ago(start - 9), 'complete_publicity', { remarks: '公示期满无异议' });
    await step(township, id, ago(start - 10), 'approve', { remarks: '乡镇审核通过' });
    await assignHelper(h.id, ago(start - 11));
    await step(county, id, ago(start - 12), 'approve', { remarks: '县级审批同意纳入' });
    await step(county, id, ago(start - 13), 'publish_result');
    await db.tx((q) => facts(q, id, { monitorCategory: 'marginal', riskTypes: [risk] }));
    await step(village, id, ago(start - 14), 'file', { remarks: '录入建档' });
    return id;
  };

  // 1. Identified end to end.
  const [a, b, cc, d, e, f, ...spare] = plain as [typeof plain[0], typeof plain[0], typeof plain[0], typeof plain[0], typeof plain[0], typeof plain[0], ...(typeof plain)];
  await identify(a, 30, 'illness', '村级月排查发现：家庭成员患病，医疗支出较大');
  let extra = 0;
  while (monitored.length < 2) {
    const h = spare.shift()!;
    await identify(h, 60 + extra * 2, 'unstable_employment', '部门预警：务工就业不稳，收入骤减');
    monitored.push(h);
    extra++;
  }

  // 2 + 3. A batch 公示 of two households, posted nine days ago; one gets an objection.
  const B = await open(village, b, ago(12), ['accident'], '农户自主申报：意外事故致主要劳动力受伤');
  const C = await open(village, cc, ago(12), ['unstable_employment'], '部门预警：务工就业不稳，收入骤减');
  await verify(B, ago(11));
  await verify(C, ago(11));
  const batch = await new NoticeService(db, clockAt(ago(9), o.clock)).generate(village, { kind: 'identification_publicity', villageCode: V, caseIds: [B, C] });
  await new NoticeService(db, clockAt(ago(9), o.clock)).post(village, batch.notice.id);
  await step(township, B, ago(7), 'raise_objection', { remarks: '有村民反映该户另有经营收入，需进一步核实' });
  await step(village, C, ago(3), 'complete_publicity', { remarks: '公示期满无异议，报乡镇审核' });

  // 4. In 公示 on a notice posted two days ago.
  const D = await open(village, d, ago(6), ['disaster_flood'], '应急部门推送：汛期房屋受损，农作物绝收');
  await verify(D, ago(5));
  const single = await new NoticeService(db, clockAt(ago(2), o.clock)).generate(village, { kind: 'identification_publicity', villageCode: V, caseIds: [D] });
  await new NoticeService(db, clockAt(ago(2), o.clock)).post(village, single.notice.id);

  // 5. Stuck at 入户核实 (overdue), 6. just opened.
  const E = await open(village, e, ago(20), ['schooling'], '教育部门预警：子女就学支出较大');
  await signAuthorization(E);
  await step(village, E, ago(18), 'record_home_visit', { remarks: '已入户，待信息比对' });
  await open(village, f, ago(2), ['lack_of_labour'], '网格员排查：家庭缺劳动力');

  // Elsewhere: overdue and fresh cases at 入户核实.
  for (const [i, h] of elsewhere.entries()) await open(township, h, ago([18, 16, 1][i] ?? 1), ['illness'], '乡镇集中排查发现');
  for (const [i, h] of farAway.entries()) await open(county, h, ago([17, 4][i] ?? 4), ['accident'], '县级信息比对发现');

  // 7. An elimination done on a recorded county override (自然消除), 8. one at 村级评议 with the criteria failing.
  const elimination = (day: string) => new CaseService(db, clockAt(day, o.clock));
  const [g, h8] = monitored as [typeof monitored[0], typeof monitored[0]];
  const G = (await elimination(ago(25)).openElimination(village, { householdId: g.id, remarks: '收入已稳定，申请风险消除' })).id;
  await step(village, G, ago(24), 'record_home_visit', { remarks: '入户核实：家庭收入稳定，“三保障”无问题' });
  const gCase = await db.query<{ facts: { evaluation?: { eligible?: boolean } } }>(`SELECT facts FROM monitoring_case WHERE id = $1`, [G]);
  if (!gCase[0]?.facts.evaluation?.eligible) await step(county, G, ago(24), 'override_criteria', { remarks: '月评估数据尚未录入系统，经县级研究以入户核实结果为准' });
  await step(village, G, ago(23), 'approve', { remarks: '村级评议通过' });
  await step(village, G, ago(17), 'complete_publicity', { remarks: '公示期满无异议' });
  await step(township, G, ago(16), 'approve', { remarks: '乡镇审核通过' });
  await step(county, G, ago(15), 'approve', { remarks: '县级审批同意' });
  await step(county, G, ago(14), 'publish_result');
  await step(village, G, ago(13), 'mark', { payload: { method: 'natural' }, remarks: '标注自然消除' });
  const H = (await elimination(ago(4)).openElimination(village, { householdId: h8.id, remarks: '申请风险消除' })).id;
  await step(village, H, ago(3), 'record_home_visit', { remarks: '入户核实' });

  const cases = 8 + extra + elsewhere.length + farAway.length;
  return `识别纳入/风险消除事项 ${cases} 件（含公示公告、异议、逾期和越过标准的消除）`;
};
