/**
 * Demo warnings (预警): ~100 clues of the last ten weeks — 部门信息预警 from several departments and 信息比对-style hits —
 * in every state: waiting to be signed in (some overdue), under verification, 纳入监测 with an identification case,
 * 已是监测对象, 不纳入 with a reason, 重复; department credits written as the real flow writes them. One transaction,
 * deterministic for a given date (a seeded PRNG and households chosen by id). Runs after the registry and linkage demos.
 */
import { createHash } from 'node:crypto';
import {
  DEFAULT_COMPARISON_RULES, RULE_FAMILY_LABELS, SUBJECT_GROUP_LABELS, addCalendarDays, areaRange, evaluateRule, hitIdempotencyKey, labelOf, warningMachine,
  type ComparisonRule, type DataRow, type SubjectGroup, type WarningEvent, type WarningFacts, type WarningPayload, type WarningState, type WorkflowActor, type WorkflowNow,
} from '@shouwang/domain';
import type { Queryable } from '../db/db.js';
import { todayOf } from '../clock.js';
import { Random, hashString } from './random.js';
import type { FeatureDemoLoader } from './feature.demos.js';
import { createWarning } from '../modules/warnings/warning.writer.js';
import { writeCreditIfDue } from '../modules/warnings/warning.credit.js';
import { applyEvent, lockCase } from '../modules/workflow/workflow.store.js';
import { openIdentificationCase } from '../modules/cases/case.opener.js';
import { DEMO_DEPARTMENT } from './demo.users.js';
import { currentRules, toRule } from '../modules/comparison/comparison.repository.js';

interface Hh { id: number; person_id: number; village_code: string; name: string; identity_key: string; monitored: boolean; household_type: string }

type Plan = { state: WarningState; ago: number; late?: boolean; source: 'instant' | 'comparison'; dept: string; household: Hh; risks: string[]; assistance?: boolean };

const DEPARTMENTS: { code: string; risks: string[]; text: (name: string) => string }[] = [
  { code: 'medical_insurance', risks: ['illness'], text: (n) => `${n}住院治疗，医保报销后个人自付费用较高，存在因病致贫风险` },
  { code: 'civil_affairs', risks: ['illness', 'lack_of_labour'], text: (n) => `${n}家庭新申请临时救助，家庭收入明显下降` },
  { code: 'housing', risks: ['other'], text: (n) => `经鉴定${n}家住房为C级危房，需核实是否存在住房安全问题` },
  { code: 'water', risks: ['other'], text: (n) => `${n}家所在自然村供水管网损坏，饮水安全出现问题` },
  { code: 'education', risks: ['schooling'], text: (n) => `${n}家义务教育阶段子女本学期未按时报到，疑似辍学` },
  { code: 'emergency_management', risks: ['disaster_flood'], text: (n) => `汛期强降雨，${n}家房屋及农作物受灾` },
  { code: 'human_resources', risks: ['unstable_employment'], text: (n) => `${n}家主要劳动力务工企业停产，已失业返乡` },
  { code: 'disabled_federation', risks: ['disability'], text: (n) => `${n}家成员新办理二级残疾人证` },
];
/**
 * 信息比对-style clues: the department's rule and a file row that fires it for a subject of the given group (the
 * hit's explanation is then built exactly as a real comparison run builds it, see `comparisonHit`).
 */
const COMPARISON_RULE: Record<string, { code: string; row: (rnd: Random, rule: ComparisonRule, group: SubjectGroup) => DataRow }> = {
  medical_insurance: {
    code: 'medical.out_of_pocket',
    row: (rnd, rule, group) => {
      const threshold = rule.thresholds.outOfPocket?.[group] ?? 20000;
      const outOfPocket = threshold + rnd.int(1, 60) * 250 + rnd.int(0, 99) / 2;
      return { outOfPocket12m: outOfPocket, totalCost12m: Math.round(outOfPocket * (2 + rnd.int(0, 20) / 10)), seriousIllness: rnd.chance(0.5) ? '是' : '否' };
    },
  },
  civil_affairs: { code: 'civil_affairs.new_assistance', row: (rnd) => ({ newlyApproved: '是', assistanceType: rnd.pick(['低保', '特困', '临时救助']) }) },
  housing: { code: 'housing.dangerous_house', row: (rnd) => ({ houseGrade: rnd.chance(0.7) ? 'C' : 'D' }) },
  education: { code: 'education.dropout', row: () => ({ dropout: '是' }) },
};

const NOT_INCLUDED_REASONS = [
  '入户核实：家庭年人均纯收入明显高于监测范围，无返贫致贫风险',
  '核实后医疗费用已由大病保险和医疗救助报销，自付部分家庭可承受',
  '子女已转学至外县就读，不存在辍学情况',
  '房屋已于上月完成改造，住房安全有保障',
  '家庭主要劳动力已重新就业，收入稳定',
];

export const loadWarningsDemo: FeatureDemoLoader = async (db, o) => {
  if ((await db.query(`SELECT 1 FROM warning WHERE source = 'instant' LIMIT 1`)).length) return null;
  const today = todayOf(o.clock);
  const rnd = new Random(hashString(`warnings-demo:${today}`));
  return db.tx(async (q) => {
    const users = new Map((await q.query<{ username: string; id: number; display_name: string; area_code: string }>(
      `SELECT username, id, display_name, area_code FROM user_account WHERE username IN ('county', 'township', 'village', 'dept')`)).map((u) => [u.username, u]));
    const county = users.get('county');
    const township = users.get('township');
    if (!county || !township) return null;
    const deptNames = new Map((await q.query<{ code: string; name: string }>(`SELECT code, name FROM department`)).map((d) => [d.code, d.name]));
    const countyCode = o.countyCode;
    // The rules as a run would evaluate them now (the stored current versions; the defaults if none is stored yet).
    const stored = new Map((await currentRules(q)).map((r) => [r.code, toRule(r)]));
    const ruleOf = (code: string) => stored.get(code) ?? DEFAULT_COMPARISON_RULES.find((r) => r.code === code)!;
    const usedRows = new Set<string>();

    // Households with their head: in the demo township (the township user verifies them) and across the county.
    const pick = (where: string, params: unknown[], limit: number) => q.query<Hh>(
      `SELECT h.id, p.id AS person_id, h.village_code, p.name, p.identity_key, (h.monitor_category IS NOT NULL AND NOT h.risk_eliminated) AS monitored, h.household_type
         FROM household h JOIN person p ON p.household_id = h.id AND p.relation = 'head'
        WHERE ${where} AND NOT EXISTS (SELECT 1 FROM monitoring_case c WHERE c.household_id = h.id AND NOT c.terminal)
        ORDER BY (h.id * 7919) % 10007, h.id LIMIT ${limit}`, params);
    const t = areaRange(township.area_code);
    const cty = areaRange(countyCode);
    const localPlain = await pick(`h.village_code >= $1 AND h.village_code < $2 AND h.monitor_category IS NULL`, [t.from, t.to], 50);
    const countyPlain = await pick(`h.village_code >= $1 AND h.village_code < $2 AND h.monitor_category IS NULL AND NOT (h.village_code >= $3 AND h.village_code < $4)`, [cty.from, cty.to, t.from, t.to], 80);
    const monitored = await pick(`h.village_code >= $1 AND h.village_code < $2 AND h.monitor_category IS NOT NULL AND NOT h.risk_eliminated`, [cty.from, cty.to], 10);
    if (localPlain.length < 8 || localPlain.length + countyPlain.length < 80 || monitored.length < 3) return null;

    // The plan: states with how many days ago the clue was pushed.
    const plans: Plan[] = [];
    const dept = () => rnd.weighted(DEPARTMENTS.map((d) => [d, d.code === DEMO_DEPARTMENT ? 3 : 1] as const));
    // Each household is the subject of one clue (duplicates aside), so 纳入监测 never meets an open case.
    let li = 0;
    let ci = 0;
    let mi = 0;
    const next = (list: Hh[], i: number) => list[i] ?? null;
    const local = () => next(localPlain, li++) ?? next(countyPlain, ci++)!;
    const anywhere = () => (rnd.chance(0.3) && li < localPlain.length ? localPlain[li++]! : next(countyPlain, ci++) ?? local());
    const add = (state: WarningState, ago: number, h: Hh, extra: Partial<Plan> = {}) => {
      const d = extra.dept ? DEPARTMENTS.find((x) => x.code === extra.dept)! : dept();
      const source = extra.source ?? (COMPARISON_RULE[d.code] && rnd.chance(0.35) ? 'comparison' : 'instant');
      plans.push({ state, ago, household: h, risks: d.risks, late: extra.late, assistance: extra.assistance, source, dept: d.code });
    };
    // waiting to be signed in: recent ones in the demo township (the township user's list), some overdue
    for (let i = 0; i < 8; i++) add('pushed', i % 4, local(), { dept: i % 2 ? DEMO_DEPARTMENT : undefined, source: 'instant' });
    for (let i = 0; i < 7; i++) add('pushed', rnd.int(0, 4), anywhere());
    for (let i = 0; i < 8; i++) add('pushed', rnd.int(6, 20), anywhere());
    for (let i = 0; i < 10; i++) add('verifying', rnd.int(1, 12), anywhere());
    for (let i = 0; i < 25; i++) add('included', rnd.int(8, 70), anywhere(), { late: rnd.chance(0.15) });
    for (let i = 0; i < 8; i++) add('already_monitored', rnd.int(8, 70), monitored[mi++ % monitored.length]!, { assistance: i < 3 });
    for (let i = 0; i < 20; i++) add('not_included', rnd.int(8, 70), anywhere(), { late: rnd.chance(0.2) });
    for (let i = 0; i < 6; i++) {
      const first = plans[rnd.int(0, plans.length - 1)]!;
      add('duplicate', Math.max(0, first.ago - rnd.int(0, 3)), first.household, { dept: first.dept, source: 'instant' });
    }
    // Oldest first; a duplicate after the clue it repeats.
    plans.sort((a, b) => b.ago - a.ago || (a.state === 'duplicate' ? 1 : 0) - (b.state === 'duplicate' ? 1 : 0));

    const machine = warningMachine();
    const countyActor: WorkflowActor = { id: String(county.id), role: 'county_office', name: county.display_name };
    const townActor: WorkflowActor = { id: String(township.id), role: 'township_cadre', name: township.display_name };
    const deptUser = users.get('dept');
    const nowOn = (date: string, hour: number): WorkflowNow => {
      const at = new Date(Math.min(Date.parse(`${date}T${String(hour - 8).padStart(2, '0')}:15:00Z`), o.clock().getTime()));
      return { at: at.toISOString(), today: date };
    };
    const pushed: { id: number; plan: Plan }[] = [];
    const counts: Record<string, number> = {};
    let credits = 0;
    for (const p of plans) {
      const openedOn = addCalendarDays(today, -p.ago);
      const d = DEPARTMENTS.find((x) => x.code === p.dept)!;
      const deptName = deptNames.get(p.dept) ?? p.dept;
      const h = p.household;
      // A department's pushes are recorded as its user's (the demo 医保局 user) or as the department itself.
      const actor: WorkflowActor = p.dept === DEMO_DEPARTMENT && deptUser
        ? { id: String(deptUser.id), role: 'department_user', name: deptUser.display_name }
        : { id: null as unknown as string, role: 'department_user', name: `${deptName}（部门推送）` };
      const group: SubjectGroup = h.monitored ? 'monitored' : h.household_type === 'alleviated' ? 'alleviated' : 'ordinary';
      const createdBy = p.dept === DEMO_DEPARTMENT && deptUser ? Number(deptUser.id) : null;
      const subject = {
        source: p.source, pushingDepartmentCode: p.dept, villageCode: h.village_code, householdId: Number(h.id), personId: Number(h.person_id),
        subjectIdentityKey: h.identity_key, subjectName: h.name, subjectGroup: group, createdBy,
      } as const;
      let id: number;
      const c = p.source === 'comparison' ? COMPARISON_RULE[p.dept]! : null;
      const rule = c ? ruleOf(c.code) : null;
      let hit: ReturnType<typeof comparisonHit> = null;
      if (c && rule) {
        const fileName = `${deptName}${openedOn.slice(0, 7)}数据.xlsx`;
        let rowNumber = 2 + rnd.int(0, 800);
        while (usedRows.has(`${fileName}:${rowNumber}`)) rowNumber++;
        usedRows.add(`${fileName}:${rowNumber}`);
        hit = comparisonHit(rule, group, c.row(rnd, rule, group), { fileName, rowNumber, nameInFile: h.name });
      }
      // A rule the office has since narrowed (not for this group) gives no hit: the clue is then an instant push.
      if (!hit) p.source = 'instant';
      if (hit && rule) {
        p.risks = hit.riskTypes;
        id = await createWarning(q, {
          ...subject, riskTypes: hit.riskTypes, outputKind: rule.output.kind, ruleCode: rule.code,
          title: `${RULE_FAMILY_LABELS[rule.family]}比对：${rule.label}`.slice(0, 200), description: hit.text,
        }, hit.hit, actor, nowOn(openedOn, 9));
      } else {
        const description = d.text(h.name);
        id = await createWarning(q, {
          ...subject, source: 'instant', riskTypes: p.risks, title: `${p.risks.map((r) => labelOf('riskType', r)).join('、')}风险：${h.name}`, description,
        }, {
          sourceType: 'instant', sourceRef: p.dept,
          explanation: {
            kind: 'instant', summary: `行业部门即时推送：${p.risks.map((r) => labelOf('riskType', r)).join('、')}`, pushedBy: actor.name, role: 'department_user',
            departmentCode: p.dept, riskTypes: p.risks, description, matchedBy: '证件号码匹配户籍台账',
          },
        }, actor, nowOn(openedOn, 9));
      }
      pushed.push({ id, plan: p });
      counts[p.state] = (counts[p.state] ?? 0) + 1;
      if (p.state === 'pushed') continue;

      // 签收 (the township for its own villages, the county office elsewhere), then the outcome.
      const verifier = h.village_code.startsWith(township.area_code) ? townActor : countyActor;
      const signOn = addCalendarDays(openedOn, Math.min(p.ago, rnd.int(0, 2)));
      const doneOn = addCalendarDays(openedOn, Math.min(p.ago, p.late ? rnd.int(6, 9) : rnd.int(2, 5)));
      const facts: WarningFacts = { source: p.source, pushingDepartmentCode: p.dept, assistanceAdded: false };
      const event = async (type: WarningEvent, on: string, hour: number, remarks: string | null, payload: WarningPayload = {}) => {
        const row = (await lockCase(q, 'warning', id))!;
        return applyEvent(q, { table: 'warning', machine, row, facts, event: { type, remarks, payload, expectedVersion: Number(row.version) }, actor: verifier, now: nowOn(on, hour) });
      };
      if (p.state === 'duplicate') {
        const other = pushed.find((x) => x.plan.household.id === h.id && x.id !== id) ?? pushed.find((x) => x.id !== id)!;
        await event('mark_duplicate', signOn, 10, '与已推送的预警为同一事项', { duplicateOf: String(other.id) });
        await q.query(`UPDATE warning SET duplicate_of = $2, outcome_remarks = '与已推送的预警为同一事项' WHERE id = $1`, [id, String(other.id)]);
        continue;
      }
      await event('start_verification', signOn, 10, '已签收，安排入户核实');
      if (p.state === 'verifying') continue;
      let caseId: number | null = null;
      let remarks: string;
      if (p.state === 'included') {
        remarks = '入户核实情况属实，启动识别纳入程序';
        await event('include', doneOn, 16, remarks);
        caseId = await openIdentificationCase(q, { householdId: Number(h.id), villageCode: h.village_code, riskTypes: p.risks, clueOn: openedOn, sourceWarningId: id, remarks, openedBy: Number(verifier.id) }, verifier, nowOn(doneOn, 16));
      } else if (p.state === 'already_monitored') {
        remarks = '该户已是监测对象，并入现有帮扶';
        await event('mark_already_monitored', doneOn, 16, remarks);
      } else {
        remarks = rnd.pick(NOT_INCLUDED_REASONS);
        await event('not_include', doneOn, 16, remarks);
      }
      await q.query(`UPDATE warning SET case_id = $2, outcome_remarks = $3, assistance_added = $4, facts = jsonb_set(facts, '{assistanceAdded}', to_jsonb($4::boolean)) WHERE id = $1`, [id, caseId, remarks, !!p.assistance]);
      const [w] = await q.query(`SELECT id, state, title, facts, assistance_added FROM warning WHERE id = $1`, [id]);
      if (await writeCreditIfDue(q, { id, state: w!.state, title: w!.title, facts: w!.facts, assistance_added: w!.assistance_added }, doneOn)) credits++;
    }
    const c = (s: string) => counts[s] ?? 0;
    return `预警线索 ${plans.length} 条（待签收 ${c('pushed')}、核实中 ${c('verifying')}、纳入监测 ${c('included')}、已是监测对象 ${c('already_monitored')}、不纳入 ${c('not_included')}、重复 ${c('duplicate')}），部门加分 ${credits} 条`;
  });
};

/**
 * A comparison hit as a real run writes it (comparison-run.service `hitOf`): the rule evaluated on the row, the
 * explanation {text, ruleCode, ruleVersion, …, file, rowNumber, triggers}. The demo has no run behind it, so `runId`
 * and the hit's `sourceRef` are null and the file's SHA-256 is derived from its name. Null when the rule does not fire.
 */
function comparisonHit(rule: ComparisonRule, group: SubjectGroup, row: DataRow, f: { fileName: string; rowNumber: number; nameInFile: string }) {
  const ev = evaluateRule(rule, { group }, row);
  if (!ev.hit) return null;
  const sha256 = createHash('sha256').update(`demo-comparison-file:${f.fileName}`).digest('hex');
  return {
    text: ev.explanation,
    riskTypes: ev.riskTypes,
    hit: {
      sourceType: 'comparison_row' as const, sourceRef: null, idempotencyKey: hitIdempotencyKey({ fileSha256: sha256, rowNumber: f.rowNumber, ruleCode: rule.code, ruleVersion: rule.version }),
      ruleCode: rule.code, ruleVersion: rule.version, sourceFile: f.fileName, sourceRow: f.rowNumber,
      explanation: {
        text: ev.explanation, ruleCode: rule.code, ruleVersion: rule.version, ruleLabel: rule.label, family: rule.family, familyLabel: RULE_FAMILY_LABELS[rule.family],
        group, groupLabel: SUBJECT_GROUP_LABELS[group], matchedIn: 'registry', nameInFile: f.nameInFile,
        file: { name: f.fileName, sha256 }, rowNumber: f.rowNumber, runId: null, decision: 'create',
        triggers: ev.triggers.map((t) => ({ field: t.field, label: t.label, op: t.op, actual: t.actual, expected: t.expected, text: t.text })),
      },
    },
  };
}

/** Exported for the loader's test: reading the demo back. */
export async function demoWarningCounts(q: Queryable): Promise<Record<string, number>> {
  const rows = await q.query<{ state: string; n: number }>(`SELECT state, count(*) AS n FROM warning GROUP BY state`);
  return Object.fromEntries(rows.map((r) => [r.state, Number(r.n)]));
}
