/** SQL of the monthly follow-up tasks and the household assessments. */
import { areaRange } from '@shouwang/domain';
import type { Queryable } from '../../db/db.js';
import { SqlParams } from '../../db/sql-params.js';
import { householdScopeSql } from '../../http/scope.js';
import type { AuthUser } from '../../http/context.js';

/**
 * Generate the month's tasks, mirroring `followupKindFor`: monitored households identified by the month's end
 * (or without a date) get a revisit when eliminated, else an assessment. Existing tasks are kept (idempotent);
 * an open task of the month whose kind no longer matches the household's state is cancelled.
 */
export async function generateTasks(q: Queryable, month: string, monthEnd: string, dueOn: string, householdIds?: readonly number[]) {
  const p = new SqlParams();
  const m = p.add(month);
  const only = householdIds ? ` AND h.id = ANY(${p.add(householdIds.map(Number))}::bigint[])` : '';
  const wanted = `SELECT CASE WHEN h.risk_eliminated THEN 'revisit' ELSE 'assessment' END AS kind, h.id AS household_id, h.village_code
                    FROM household h
                   WHERE h.monitor_category IS NOT NULL AND (h.monitor_identified_on IS NULL OR h.monitor_identified_on <= ${p.add(monthEnd)}::date)${only}`;
  const inserted = await q.query<{ kind: string }>(
    `INSERT INTO followup_task (kind, household_id, village_code, month, due_on)
     SELECT w.kind, w.household_id, w.village_code, ${m}, ${p.add(dueOn)}::date FROM (${wanted}) w
     ON CONFLICT (kind, household_id, month) DO NOTHING
     RETURNING kind`,
    p.values,
  );
  const p2 = new SqlParams();
  const m2 = p2.add(month);
  const only2 = householdIds ? ` AND t.household_id = ANY(${p2.add(householdIds.map(Number))}::bigint[])` : '';
  const cancelled = await q.query(
    `UPDATE followup_task t SET status = 'cancelled'
       FROM household h
      WHERE h.id = t.household_id AND t.month = ${m2} AND t.status = 'open'${only2}
        AND (h.monitor_category IS NULL OR (CASE WHEN h.risk_eliminated THEN 'revisit' ELSE 'assessment' END) <> t.kind)
     RETURNING t.id`,
    p2.values,
  );
  return {
    revisit: inserted.filter((r) => r.kind === 'revisit').length,
    assessment: inserted.filter((r) => r.kind === 'assessment').length,
    cancelled: cancelled.length,
  };
}

export interface TaskFilter {
  month?: string;
  kind?: string;
  status?: string;
  areaCode?: string;
  q?: string;
  /** Open tasks due before this day count as overdue. */
  today: string;
  page: number;
  pageSize: number;
}

const TASK_SELECT = `
  SELECT t.id, t.kind, t.household_id, t.village_code, t.month, to_char(t.due_on, 'YYYY-MM-DD') AS due_on, t.status,
         to_char(t.done_on, 'YYYY-MM-DD') AS done_on, t.outcome, t.assessment_id, du.display_name AS done_by_name,
         h.household_no, h.monitor_category, h.risk_eliminated, h.helper_name, h.risk_types,
         v.name AS village_name, tw.name AS township_name,
         (SELECT p.name FROM person p WHERE p.household_id = h.id AND p.relation = 'head' ORDER BY p.id LIMIT 1) AS head_name
    FROM followup_task t
    JOIN household h ON h.id = t.household_id
    JOIN area v ON v.code = t.village_code
    LEFT JOIN area tw ON tw.code = v.parent_code
    LEFT JOIN user_account du ON du.id = t.done_by`;

function taskWhere(user: AuthUser, f: TaskFilter, p: SqlParams): string {
  const where = [householdScopeSql(user, p)];
  if (f.month) where.push(`t.month = ${p.add(f.month)}`);
  if (f.kind) where.push(`t.kind = ${p.add(f.kind)}`);
  if (f.status) where.push(`t.status = ${p.add(f.status)}`);
  if (f.areaCode) {
    const r = areaRange(f.areaCode);
    where.push(`t.village_code >= ${p.add(r.from)} AND t.village_code < ${p.add(r.to)}`);
  }
  if (f.q) where.push(`(h.household_no = ${p.add(f.q)} OR EXISTS (SELECT 1 FROM person p WHERE p.household_id = h.id AND p.relation = 'head' AND p.name = ${p.add(f.q)}))`);
  return where.join(' AND ');
}

export async function listTasks(q: Queryable, user: AuthUser, f: TaskFilter) {
  const pc = new SqlParams();
  const wc = taskWhere(user, f, pc);
  const [c] = await q.query<{ n: number; open: number; done: number; overdue: number }>(
    `SELECT count(*)::int AS n, count(*) FILTER (WHERE t.status = 'open')::int AS open, count(*) FILTER (WHERE t.status = 'done')::int AS done,
            count(*) FILTER (WHERE t.status = 'open' AND t.due_on < ${pc.add(f.today)}::date)::int AS overdue
       FROM followup_task t JOIN household h ON h.id = t.household_id WHERE ${wc}`,
    pc.values,
  );
  const p = new SqlParams();
  const w = taskWhere(user, f, p);
  const rows = await q.query(
    `${TASK_SELECT} WHERE ${w} ORDER BY t.status = 'open' DESC, t.due_on, t.village_code, t.id LIMIT ${p.add(f.pageSize)} OFFSET ${p.add((f.page - 1) * f.pageSize)}`,
    p.values,
  );
  return { total: c!.n, open: c!.open, done: c!.done, overdue: c!.overdue, rows };
}

export async function findTask(q: Queryable, user: AuthUser, id: number, forUpdate = false) {
  const p = new SqlParams();
  const rows = await q.query(`${TASK_SELECT} WHERE t.id = ${p.add(id)} AND ${householdScopeSql(user, p)}${forUpdate ? ' FOR UPDATE OF t' : ''}`, p.values);
  return rows[0] ?? null;
}

export async function householdInScope(q: Queryable, user: AuthUser, id: number) {
  const p = new SqlParams();
  const rows = await q.query(
    `SELECT h.id, h.village_code, h.monitor_category, h.risk_eliminated, h.risk_types FROM household h WHERE h.id = ${p.add(id)} AND ${householdScopeSql(user, p)}`,
    p.values,
  );
  return rows[0] ?? null;
}

export async function tasksOfHousehold(q: Queryable, householdId: number, limit = 24) {
  return q.query(`${TASK_SELECT} WHERE t.household_id = $1 ORDER BY t.month DESC, t.id DESC LIMIT $2`, [householdId, limit]);
}

export async function assessmentsOfHousehold(q: Queryable, householdId: number, limit = 24) {
  return q.query(
    `SELECT a.id, a.month, to_char(a.assessed_on, 'YYYY-MM-DD') AS assessed_on, a.per_capita_net_income, a.housing_unsafe, a.schooling_dropout,
            a.medical_uninsured, a.water_unsafe, a.new_risk_types, a.notes, u.display_name AS assessed_by_name
       FROM household_assessment a LEFT JOIN user_account u ON u.id = a.assessed_by
      WHERE a.household_id = $1 ORDER BY a.month DESC LIMIT $2`,
    [householdId, limit],
  );
}

export interface AssessmentRow {
  householdId: number;
  month: string;
  assessedOn: string;
  perCapitaNetIncome: number | null;
  housingUnsafe: boolean;
  schoolingDropout: boolean;
  medicalUninsured: boolean;
  waterUnsafe: boolean;
  newRiskTypes: string[];
  notes: string | null;
  assessedBy: number | null;
}

/** Insert the month's assessment; null when the household already has one for the month. */
export async function insertAssessment(q: Queryable, a: AssessmentRow): Promise<number | null> {
  const rows = await q.query<{ id: number }>(
    `INSERT INTO household_assessment (household_id, month, assessed_on, per_capita_net_income, housing_unsafe, schooling_dropout, medical_uninsured,
                                       water_unsafe, new_risk_types, notes, assessed_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     ON CONFLICT (household_id, month) DO NOTHING RETURNING id`,
    [a.householdId, a.month, a.assessedOn, a.perCapitaNetIncome, a.housingUnsafe, a.schoolingDropout, a.medicalUninsured, a.waterUnsafe,
      a.newRiskTypes, a.notes, a.assessedBy],
  );
  return rows[0] ? Number(rows[0].id) : null;
}

export async function completeTask(q: Queryable, id: number, doneOn: string, userId: number | null, outcome: string, assessmentId: number | null) {
  await q.query(
    `UPDATE followup_task SET status = 'done', done_on = $2, done_by = $3, outcome = $4, assessment_id = $5 WHERE id = $1`,
    [id, doneOn, userId, outcome, assessmentId],
  );
}

/** The open task of the kind for the household and month (an assessment filed outside the task closes it). */
export async function openTaskFor(q: Queryable, householdId: number, month: string) {
  const rows = await q.query(`SELECT id, kind FROM followup_task WHERE household_id = $1 AND month = $2 AND status = 'open' FOR UPDATE`, [householdId, month]);
  return rows;
}

export async function getSetting(q: Queryable, key: 'followup_due_day'): Promise<unknown> {
  const [r] = await q.query(`SELECT value FROM quality_setting WHERE key = $1`, [key]);
  return r ? r.value : undefined;
}

export async function putSetting(q: Queryable, key: 'followup_due_day', value: unknown, userId: number | null) {
  await q.query(
    `INSERT INTO quality_setting (key, value, updated_by, updated_at) VALUES ($1, $2, $3, now())
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_by = EXCLUDED.updated_by, updated_at = now()`,
    [key, JSON.stringify(value), userId],
  );
}
