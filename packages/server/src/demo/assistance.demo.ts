/**
 * Demo of 早帮扶, loaded once on first start after the registry, warnings and cases demos: one 帮扶责任人 record for
 * every helper named on the demo households (per township; the `helper` login gets its own record, linked), an open
 * assignment consistent with each household's helper, help plans with measures for the monitored households (most
 * measures 已落实 once their planned day has passed; a few plans without any 开发式 measure, so the labour rule shows;
 * households approved by the cases demo in the last days partly without a plan, so the due and overdue list shows),
 * and visits over the last three months (帮扶日 visits with the "四个一"; about one household in eight not visited
 * for more than 45 days). Bulk-inserted with COPY; deterministic for a given today.
 */
import { MEASURE_CATALOGUE, addCalendarDays, areaRange, calendarDaysBetween, helpPlanDueOn, helpDaysOfMonth, type MeasureCode } from '@shouwang/domain';
import type { Db, Queryable } from '../db/db.js';
import { todayOf } from '../clock.js';
import type { FeatureDemoLoader } from './feature.demos.js';
import { Random } from './random.js';

export const ASSISTANCE_DEMO_SEED = 20230505;

const UNITS = ['县乡村振兴局', '县农业农村局', '县人力资源和社会保障局', '县教育局', '县卫生健康委员会', '县民政局', '县医疗保障局', '县财政局', '县住房和城乡建设局', '县水利局', '县自然资源局', '县交通运输局'];
const POSITIONS = ['科员', '副股长', '股长', '副科长', '科长', '驻村工作队员', '四级主任科员', '一级科员'];
const TOWNSHIP_POSITIONS = ['镇党委委员', '副镇长', '包村干部', '镇乡村振兴办主任', '镇扶贫专干'];

const RISK_MEASURES: Record<string, MeasureCode[]> = {
  illness: ['health'],
  disability: ['social_security', 'health'],
  schooling: ['compulsory_education', 'other_education'],
  accident: ['insurance', 'health'],
  industry_failure: ['industry', 'finance'],
  unstable_employment: ['employment', 'skills_training'],
  lack_of_labour: ['social_security', 'public_welfare_post'],
};
const DEVELOPMENTAL: MeasureCode[] = ['industry', 'employment', 'finance', 'public_welfare_post'];
const AMOUNTS: Partial<Record<MeasureCode, [number, number]>> = {
  industry: [1000, 5000], finance: [20000, 50000], public_welfare_post: [3600, 6000], social_security: [2400, 6000],
  health: [800, 12000], housing: [15000, 30000], other_education: [3000, 3000], insurance: [100, 300], employment: [300, 1000],
};
const CONTENT: Partial<Record<MeasureCode, string[]>> = {
  industry: ['发展庭院经济，种植香菇', '到户产业奖补（养殖肉牛）', '入股合作社，联农带农分红'],
  employment: ['推荐到帮扶车间务工', '外出务工一次性交通补助', '县内企业转移就业'],
  finance: ['脱贫人口小额信贷', '小额信贷续贷'],
  public_welfare_post: ['安排乡村保洁公益岗位', '安排护林员公益岗位'],
  health: ['大病医疗救助', '家庭医生签约服务', '慢性病门诊报销'],
  social_security: ['纳入农村低保', '临时救助', '残疾人两项补贴'],
  compulsory_education: ['落实义务教育阶段学生资助'],
  other_education: ['雨露计划职业教育补助'],
  insurance: ['防贫保险理赔'],
  skills_training: ['参加电工技能培训', '参加月嫂家政培训'],
  housing: ['危房改造'],
};
const NOTES = [
  '了解家庭收入和务工情况，宣讲惠民政策', '查看住房、饮水安全情况，无异常', '了解医疗报销进度，协助办理慢病卡',
  '督促孩子按时返校，了解学生资助落实', '帮助联系合作社收购农产品', '了解产业发展情况，协调技术指导',
  '电话询问近期身体状况和生活情况', '宣讲防贫保险和小额信贷政策',
];
const FOUR = ['survey', 'practical_matter', 'policy_talk', 'yard_cleaning'] as const;

interface DemoHouseholdRow {
  id: number;
  village_code: string;
  helper_name: string;
  helper_user_id: number | null;
  household_type: string;
  monitor_category: string | null;
  monitor_identified_on: string | null;
  risk_eliminated: boolean;
  eliminated_on: string | null;
  risk_types: string[];
}

const minDate = (a: string, b: string) => (a < b ? a : b);
const phoneOf = (rng: Random) => `1${rng.pick(['3', '5', '8'])}${String(rng.int(0, 999_999_999)).padStart(9, '0')}`;

export const loadAssistanceDemo: FeatureDemoLoader = async (db: Db, { countyCode, clock }) => {
  // Runs once: the cases demo may already have registered a helper and a few assignments (kept and reused here).
  if (Number((await db.query('SELECT (SELECT count(*) FROM visit) + (SELECT count(*) FROM help_plan) AS n'))[0]!.n) > 0) return null;
  const today = todayOf(clock);
  const rng = new Random(ASSISTANCE_DEMO_SEED);
  const { from, to } = areaRange(countyCode);
  const households = await db.query<DemoHouseholdRow>(
    `SELECT id, village_code, helper_name, helper_user_id, household_type, monitor_category, monitor_identified_on, risk_eliminated, eliminated_on, risk_types
       FROM household WHERE helper_name IS NOT NULL AND village_code >= $1 AND village_code < $2 ORDER BY id`,
    [from, to],
  );
  if (!households.length) return null;
  const approvals = new Map<number, { caseId: number; on: string }>();
  for (const a of await db.query<{ household_id: number; case_id: number; on_date: string }>(
    `SELECT DISTINCT ON (c.household_id) c.household_id, c.id AS case_id, s.on_date FROM workflow_step s JOIN monitoring_case c ON c.id = s.case_id
      WHERE s.machine = 'identification' AND s.event = 'approve' AND s.from_state = 'county_approval' ORDER BY c.household_id, s.on_date DESC, s.id DESC`,
  )) approvals.set(Number(a.household_id), { caseId: Number(a.case_id), on: a.on_date });
  const departments = new Set((await db.query<{ code: string }>('SELECT code FROM department')).map((d) => d.code));
  const townships = new Map((await db.query<{ code: string; name: string }>(`SELECT code, name FROM area WHERE level = 'township' AND code >= $1 AND code < $2`, [from, to])).map((a) => [a.code, a.name]));
  const nextId = async (q: Queryable, table: string) => Number((await q.query(`SELECT coalesce(max(id), 0) + 1 AS n FROM ${table}`))[0]!.n);

  // ── 帮扶责任人: one per (township, name); the helper login's own record ─────────
  const helperRows: unknown[][] = [];
  const helperOf = new Map<string, { id: number; userId: number | null }>();
  let helperId = await nextId(db, 'helper_person');
  for (const e of await db.query<{ id: number; name: string; area_code: string; user_id: number | null }>('SELECT id, name, area_code, user_id FROM helper_person')) {
    helperOf.set(e.user_id ? `user:${e.user_id}` : `${e.area_code.slice(0, 9)}|${e.name}`, { id: Number(e.id), userId: e.user_id == null ? null : Number(e.user_id) });
  }
  const openAssignments = new Map((await db.query<{ household_id: number; helper_id: number; assigned_on: string; user_id: number | null }>(
    `SELECT ha.household_id, ha.helper_id, ha.assigned_on, hp.user_id FROM helper_assignment ha JOIN helper_person hp ON hp.id = ha.helper_id WHERE ha.ended_on IS NULL`,
  )).map((a) => [Number(a.household_id), { id: Number(a.helper_id), userId: a.user_id == null ? null : Number(a.user_id), since: a.assigned_on }]));
  const keyOf = (h: DemoHouseholdRow) => (h.helper_user_id ? `user:${h.helper_user_id}` : `${h.village_code.slice(0, 9)}|${h.helper_name}`);
  for (const h of households) {
    const key = keyOf(h);
    if (helperOf.has(key) || openAssignments.has(h.id)) continue;
    const township = h.village_code.slice(0, 9);
    const fromTownship = rng.chance(0.35);
    const unit = fromTownship ? `${townships.get(township) ?? ''}人民政府` : rng.pick(UNITS);
    const id = helperId++;
    helperOf.set(key, { id, userId: h.helper_user_id ? Number(h.helper_user_id) : null });
    helperRows.push([id, h.helper_name, unit, rng.pick(fromTownship ? TOWNSHIP_POSITIONS : POSITIONS), phoneOf(rng), township, h.helper_user_id ?? null]);
  }
  return db.tx(async (q) => {
    await q.copyFrom('helper_person', ['id', 'name', 'unit', 'position', 'phone', 'area_code', 'user_id'], helperRows as unknown[][]);

    // ── assignments ─────────────────────────────────────────────────────────
    const assignmentRows: unknown[][] = [];
    let assignmentId = await nextId(q, 'helper_assignment');
    const helperByHousehold = new Map<number, { id: number; userId: number | null; since: string }>();
    for (const h of households) {
      const existing = openAssignments.get(h.id);
      if (existing) {
        helperByHousehold.set(h.id, existing);
        continue;
      }
      const hp = helperOf.get(keyOf(h))!;
      const since = minDate(h.monitor_identified_on ?? addCalendarDays(today, -rng.int(200, 1400)), today);
      // a few households changed helper once: the earlier assignment is kept as history
      if (helperRows.length > 1 && rng.chance(0.05)) {
        const earlier = addCalendarDays(since, -rng.int(120, 500));
        const prev = helperRows[rng.int(0, helperRows.length - 1)] as [number, string];
        if (prev[0] !== hp.id) assignmentRows.push([assignmentId++, h.id, prev[0], earlier, since, '原帮扶责任人工作调整', null]);
      }
      assignmentRows.push([assignmentId++, h.id, hp.id, since, null, h.monitor_category ? '县级审批纳入监测，明确帮扶责任人' : '脱贫户结对帮扶', null]);
      helperByHousehold.set(h.id, { ...hp, since });
    }
    await q.copyFrom('helper_assignment', ['id', 'household_id', 'helper_id', 'assigned_on', 'ended_on', 'reason', 'assigned_by'], assignmentRows);
    // the open assignment is the truth the household mirrors (helper_name / helper_user_id)
    await q.query(
      `UPDATE household h SET helper_name = hp.name, helper_user_id = hp.user_id
         FROM helper_assignment ha JOIN helper_person hp ON hp.id = ha.helper_id
        WHERE ha.household_id = h.id AND ha.ended_on IS NULL AND (h.helper_name IS DISTINCT FROM hp.name OR h.helper_user_id IS DISTINCT FROM hp.user_id)`,
    );

    // ── help plans and measures of the monitored households ────────────────
    const planRows: unknown[][] = [];
    const measureRows: unknown[][] = [];
    let planId = await nextId(q, 'help_plan');
    let measureId = await nextId(q, 'help_measure');
    let pendingLeft = 0;
    let recentApprovals = 0;
    for (const h of households) {
      if (!h.monitor_category) continue;
      const appr = approvals.get(h.id);
      // approved at county level in the last two months: every other household still waits for its plan (due soon
      // or overdue, by the approval day), so the 待制定 / 逾期 list has rows
      if (appr && !h.risk_eliminated && calendarDaysBetween(appr.on, today) <= 60 && recentApprovals++ % 2 === 0) { pendingLeft++; continue; }
      const base = appr?.on ?? h.monitor_identified_on ?? addCalendarDays(today, -rng.int(60, 400));
      const madeOn = minDate(addCalendarDays(base, rng.chance(0.85) ? rng.int(1, 9) : rng.int(11, 20)), today);
      const dueOn = helpPlanDueOn(base);
      const id = planId++;
      planRows.push([id, h.id, appr?.caseId ?? null, madeOn, dueOn, h.risk_eliminated ? 'closed' : 'active', null]);
      const codes = new Set<MeasureCode>();
      for (const r of h.risk_types ?? []) for (const c of RISK_MEASURES[r] ?? (r.startsWith('disaster') ? ['housing', 'insurance'] as MeasureCode[] : [])) if (rng.chance(0.7)) codes.add(c);
      if (rng.chance(h.risk_eliminated ? 0.95 : 0.85)) codes.add(rng.pick(DEVELOPMENTAL));
      else if (!codes.size) codes.add('social_security');
      if (rng.chance(0.3)) codes.add('insurance');
      for (const code of codes) {
        const plannedOn = addCalendarDays(madeOn, rng.int(10, 90));
        const range = AMOUNTS[code];
        const amount = range ? Math.round(rng.int(range[0], range[1]) / 100) * 100 : null;
        let status = 'planned';
        let implementedOn: string | null = null;
        let evidence: string | null = null;
        let cancel: string | null = null;
        if (h.risk_eliminated || (plannedOn <= today && rng.chance(0.85))) {
          status = 'implemented';
          implementedOn = minDate(addCalendarDays(plannedOn, rng.int(-5, 10)), today);
          if (implementedOn < madeOn) implementedOn = madeOn;
          evidence = `${rng.pick(CONTENT[code] ?? ['已落实'])}，已核实到户`;
        } else if (rng.chance(0.04)) {
          status = 'cancelled';
          cancel = '家庭情况变化，改为其他帮扶措施';
        }
        const def = MEASURE_CATALOGUE.find((m) => m.code === code)!.defaultDepartment;
        measureRows.push([measureId++, id, h.id, code, def && departments.has(def) ? def : null, amount, plannedOn, status, implementedOn, evidence, cancel, rng.pick(CONTENT[code] ?? ['']) || null]);
      }
    }
    await q.copyFrom('help_plan', ['id', 'household_id', 'case_id', 'made_on', 'due_on', 'status', 'notes'], planRows);
    await q.copyFrom('help_measure', ['id', 'plan_id', 'household_id', 'measure_code', 'department_code', 'amount', 'planned_on', 'status', 'implemented_on', 'evidence_note', 'cancel_reason', 'content'], measureRows);

    // ── visits over the last four months ─────────────────────────────────────
    const visitRows: unknown[][] = [];
    let visitId = await nextId(q, 'visit');
    const start = addCalendarDays(today, -90);
    const helpDays: string[] = [];
    for (let m = start.slice(0, 7); m <= today.slice(0, 7); m = addCalendarDays(`${m}-28`, 5).slice(0, 7)) {
      for (const d of helpDaysOfMonth(m)) if (d >= start && d <= today) helpDays.push(d);
    }
    for (const h of households) {
      const hp = helperByHousehold.get(h.id)!;
      const earliest = hp.since > start ? hp.since : start;
      // about one household in eight has not been visited for more than 45 days; the others once in the last four
      // weeks, and monitored households a few times more
      const neglected = rng.chance(0.12);
      const windows: [string, string][] = [];
      if (neglected) {
        if (rng.chance(0.6)) windows.push([earliest, addCalendarDays(today, -46)]);
      } else {
        windows.push([earliest > addCalendarDays(today, -27) ? earliest : addCalendarDays(today, -27), today]);
        const extra = h.monitor_category ? rng.int(1, 3) : rng.chance(0.3) ? 1 : 0;
        for (let i = 0; i < extra; i++) windows.push([earliest, today]);
      }
      for (const [lo, hi] of windows) {
        if (lo > hi) continue;
        const kind = rng.chance(0.4) ? 'help_day' : rng.chance(0.7) ? 'home' : 'phone';
        let on: string;
        let fourOnes: string[] = [];
        const days = kind === 'help_day' ? helpDays.filter((d) => d >= lo && d <= hi) : [];
        if (days.length) {
          on = rng.pick(days);
          fourOnes = FOUR.filter(() => rng.chance(0.6));
          if (!fourOnes.length) fourOnes = ['survey'];
        } else {
          on = addCalendarDays(lo, rng.int(0, calendarDaysBetween(lo, hi)));
        }
        const k = days.length ? 'help_day' : kind === 'help_day' ? 'home' : kind;
        visitRows.push([visitId++, h.id, hp.id, hp.userId, on, k, fourOnes, k === 'phone' ? '电话询问近期身体状况和生活情况' : rng.pick(NOTES)]);
      }
    }
    await q.copyFrom('visit', ['id', 'household_id', 'helper_id', 'visitor_user_id', 'visited_on', 'kind', 'four_ones', 'notes'], visitRows);
    for (const table of ['helper_person', 'helper_assignment', 'help_plan', 'help_measure', 'visit']) {
      await q.query(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT max(id) FROM ${table}))`);
    }
    return `帮扶责任人 ${helperRows.length} 名 / 帮扶计划 ${planRows.length} 个（措施 ${measureRows.length} 项，待制定 ${pendingLeft} 户）/ 走访 ${visitRows.length} 次`;
  });
};
