/**
 * The data-quality rules of the domain (`quality/quality.rules.ts`) evaluated set-wise in SQL: one statement per
 * rule over the whole registry (or the given households). Thresholds, code lists and the monitoring lines come
 * from the domain as parameters; `quality.checks.int.test.ts` proves each statement agrees with `evaluateQuality`.
 * `loadQualityFacts` reads the same records into the domain's shape (used by that test and for one household).
 */
import {
  CODE_LISTS, DEFAULT_MONITORING_LINES, DEVELOPMENTAL_MEASURES, ILL_HEALTH, LABOUR_CAPABLE_SKILLS, LABOUR_MIN_AGE, NOT_IN_SCHOOL_STATUSES,
  QUALITY_THRESHOLDS, ageOn, isVocationalStudent, type QualityHousehold, type QualityRuleCode, type QualityValues,
} from '@shouwang/domain';
import type { Queryable } from '../../db/db.js';
import { SqlParams } from '../../db/sql-params.js';

export interface CheckRow {
  rule: QualityRuleCode;
  householdId: number;
  personId: number | null;
  personName: string | null;
  villageCode: string;
  values: QualityValues;
}

export interface CheckOptions {
  today: string;
  monitoringLines?: Readonly<Record<number, number>>;
  /** Only these households (tests, one household); all when absent. */
  householdIds?: readonly number[];
}

const POPULATION = `(h.household_type = 'alleviated' OR h.monitor_category IS NOT NULL)`;
const VOCATIONAL = CODE_LISTS.schoolStatus.map((e) => e.code).filter(isVocationalStudent);

interface Ctx { p: SqlParams; today: string; o: CheckOptions }

const only = (c: Ctx, alias = 'h') => (c.o.householdIds ? ` AND ${alias}.id = ANY(${c.p.add(c.o.householdIds.map(Number))}::bigint[])` : '');
/** Born on or before `today − years` ⇔ age ≥ years (whole years, as `ageOn`). */
const ageAtLeast = (c: Ctx, years: number) => `p.birth_date <= (${c.p.add(c.today)}::date - make_interval(years => ${years}))::date`;
const ageAtMost = (c: Ctx, years: number) => `p.birth_date > (${c.p.add(c.today)}::date - make_interval(years => ${years + 1}))::date`;
const inSchool = (c: Ctx) => `NOT (p.school_status = ANY(${c.p.add([...NOT_IN_SCHOOL_STATUSES])}::text[]))`;
const labourCapable = (c: Ctx) =>
  `p.labour_skill = ANY(${c.p.add([...LABOUR_CAPABLE_SKILLS])}::text[]) AND NOT (${inSchool(c)}) AND ${ageAtLeast(c, LABOUR_MIN_AGE)}`;
const labourCount = (c: Ctx) => `(SELECT count(*)::int FROM person p WHERE p.household_id = h.id AND ${labourCapable(c)})`;
const isDev = (c: Ctx) => `m.measure_code = ANY(${c.p.add([...DEVELOPMENTAL_MEASURES])}::text[])`;

type Sql = (c: Ctx) => string;

/** Each rule: a SELECT of household_id, person_id, person_name, village_code and the values of the message. */
export const CHECK_SQL: Record<QualityRuleCode, Sql> = {
  assisted_income_below_line: (c) => {
    const lines = c.o.monitoringLines ?? DEFAULT_MONITORING_LINES;
    const years = Object.keys(lines).map(Number);
    return `SELECT h.id AS household_id, NULL::bigint AS person_id, NULL AS person_name, h.village_code,
                   hi.year, hi.per_capita_net_income AS income, l.line
              FROM household h
              JOIN household_income hi ON hi.household_id = h.id AND hi.year = h.income_year
              CROSS JOIN LATERAL (SELECT x.v AS line FROM unnest(${c.p.add(years)}::int[], ${c.p.add(years.map((y) => lines[y]))}::numeric[]) AS x(y, v)
                                   WHERE x.y <= hi.year ORDER BY x.y DESC LIMIT 1) l
             WHERE ${POPULATION} AND h.risk_eliminated AND h.elimination_method = 'assisted' AND hi.per_capita_net_income <= l.line${only(c)}`;
  },
  assisted_no_measure: (c) => `
    SELECT h.id AS household_id, NULL::bigint AS person_id, NULL AS person_name, h.village_code,
           (SELECT count(*)::int FROM help_measure m WHERE m.household_id = h.id AND m.status <> 'cancelled') AS measures
      FROM household h
     WHERE ${POPULATION} AND h.risk_eliminated AND h.elimination_method = 'assisted'
       AND NOT EXISTS (SELECT 1 FROM help_measure m WHERE m.household_id = h.id AND m.status = 'implemented')${only(c)}`,
  labour_no_developmental: (c) => `
    SELECT * FROM (
      SELECT h.id AS household_id, NULL::bigint AS person_id, NULL AS person_name, h.village_code, ${labourCount(c)} AS labour, ms.n AS measures
        FROM household h
        JOIN (SELECT m.household_id, count(*)::int AS n, bool_or(${isDev(c)}) AS dev FROM help_measure m
               WHERE m.status <> 'cancelled' GROUP BY m.household_id) ms ON ms.household_id = h.id
       WHERE ${POPULATION} AND NOT ms.dev${only(c)}) x
     WHERE x.labour > 0`,
  identified_no_developmental: (c) => `
    SELECT * FROM (
      SELECT h.id AS household_id, NULL::bigint AS person_id, NULL AS person_name, h.village_code,
             to_char(h.monitor_identified_on, 'YYYY-MM-DD') AS identified_on, ${labourCount(c)} AS labour
        FROM household h
       WHERE h.monitor_category IS NOT NULL AND NOT h.risk_eliminated
         AND h.monitor_identified_on <= (${c.p.add(c.today)}::date - make_interval(months => ${QUALITY_THRESHOLDS.identifiedMonths}))::date
         AND NOT EXISTS (SELECT 1 FROM help_measure m WHERE m.household_id = h.id AND m.status = 'implemented' AND ${isDev(c)})${only(c)}) x
     WHERE x.labour > 0`,
  illness_without_evidence: (c) => `
    SELECT * FROM (
      SELECT h.id AS household_id, NULL::bigint AS person_id, NULL AS person_name, h.village_code,
             (SELECT count(*)::int FROM person p WHERE p.household_id = h.id AND p.health = ANY(${c.p.add([...ILL_HEALTH])}::text[])) AS ill_members,
             COALESCE(hi.out_of_pocket_expense, 0) AS out_of_pocket
        FROM household h
        LEFT JOIN household_income hi ON hi.household_id = h.id AND hi.year = h.income_year
       WHERE ${POPULATION} AND 'illness' = ANY(h.risk_types)${only(c)}) x
     WHERE x.ill_members = 0 OR x.out_of_pocket <= 0`,
  unstable_employment_nobody_working: (c) => `
    SELECT h.id AS household_id, NULL::bigint AS person_id, NULL AS person_name, h.village_code,
           (SELECT count(*)::int FROM person p WHERE p.household_id = h.id) AS members
      FROM household h
     WHERE ${POPULATION} AND 'unstable_employment' = ANY(h.risk_types)
       AND NOT EXISTS (SELECT 1 FROM person p WHERE p.household_id = h.id AND (p.work_location <> 'none' OR p.work_months > 0))${only(c)}`,
  child_out_of_school: (c) => `
    SELECT h.id AS household_id, p.id AS person_id, p.name AS person_name, h.village_code,
           to_char(p.birth_date, 'YYYY-MM-DD') AS birth_date, p.school_status
      FROM person p JOIN household h ON h.id = p.household_id
     WHERE ${POPULATION} AND ${ageAtLeast(c, QUALITY_THRESHOLDS.childAge.min)} AND ${ageAtMost(c, QUALITY_THRESHOLDS.childAge.max)}
       AND NOT (${inSchool(c)})${only(c)}`,
  healthy_adult_no_labour: (c) => `
    SELECT h.id AS household_id, p.id AS person_id, p.name AS person_name, h.village_code, to_char(p.birth_date, 'YYYY-MM-DD') AS birth_date
      FROM person p JOIN household h ON h.id = p.household_id
     WHERE ${POPULATION} AND p.health = 'healthy' AND p.labour_skill = 'none' AND NOT (${inSchool(c)})
       AND ${ageAtLeast(c, QUALITY_THRESHOLDS.workingAge.min)} AND ${ageAtMost(c, QUALITY_THRESHOLDS.workingAge.max)}${only(c)}`,
  tekun_healthy_adult: (c) => `
    SELECT h.id AS household_id, p.id AS person_id, p.name AS person_name, h.village_code, to_char(p.birth_date, 'YYYY-MM-DD') AS birth_date
      FROM person p JOIN household h ON h.id = p.household_id
     WHERE ${POPULATION} AND p.tekun AND p.health = 'healthy'
       AND ${ageAtLeast(c, QUALITY_THRESHOLDS.workingAge.min)} AND ${ageAtMost(c, QUALITY_THRESHOLDS.workingAge.max)}${only(c)}`,
  yulu_non_vocational: (c) => `
    SELECT h.id AS household_id, NULL::bigint AS person_id, NULL AS person_name, h.village_code,
           (SELECT count(*)::int FROM help_measure m WHERE m.household_id = h.id AND m.status <> 'cancelled' AND m.measure_code = 'other_education') AS yulu_measures
      FROM household h
     WHERE ${POPULATION}
       AND EXISTS (SELECT 1 FROM help_measure m WHERE m.household_id = h.id AND m.status <> 'cancelled' AND m.measure_code = 'other_education')
       AND NOT EXISTS (SELECT 1 FROM person p WHERE p.household_id = h.id AND p.school_status = ANY(${c.p.add(VOCATIONAL)}::text[]))${only(c)}`,
  no_monitor_contact: (c) => `
    SELECT h.id AS household_id, NULL::bigint AS person_id, NULL AS person_name, h.village_code
      FROM household h
     WHERE h.monitor_category IS NOT NULL AND btrim(COALESCE(h.monitor_contact, ''), E' \\t\\r\\n\\u3000') = ''${only(c)}`,
  tiny_wage_income: (c) => `
    SELECT h.id AS household_id, NULL::bigint AS person_id, NULL AS person_name, h.village_code, hi.year, hi.wage_income AS wage
      FROM household h JOIN household_income hi ON hi.household_id = h.id AND hi.year = h.income_year
     WHERE ${POPULATION} AND hi.wage_income > ${QUALITY_THRESHOLDS.tinyWage.above} AND hi.wage_income < ${QUALITY_THRESHOLDS.tinyWage.below}${only(c)}`,
  duplicate_public_welfare_post: (c) => `
    SELECT x.household_id, CASE WHEN x.holders = 1 THEN x.holder_id END AS person_id, CASE WHEN x.holders = 1 THEN x.holder_name END AS person_name,
           x.village_code, x.holders, x.posts
      FROM (SELECT h.id AS household_id, h.village_code,
                   (SELECT count(*)::int FROM person p WHERE p.household_id = h.id AND p.public_welfare_post) AS holders,
                   (SELECT min(p.id) FROM person p WHERE p.household_id = h.id AND p.public_welfare_post) AS holder_id,
                   (SELECT min(p.name) FROM person p WHERE p.household_id = h.id AND p.public_welfare_post) AS holder_name,
                   (SELECT count(*)::int FROM help_measure m WHERE m.household_id = h.id AND m.status <> 'cancelled' AND m.measure_code = 'public_welfare_post') AS posts
              FROM household h
             WHERE ${POPULATION} AND EXISTS (SELECT 1 FROM help_measure m WHERE m.household_id = h.id AND m.status <> 'cancelled' AND m.measure_code = 'public_welfare_post')${only(c)}) x
     WHERE x.holders >= 1 AND x.posts > x.holders`,
};

/** The rows' message values, in the domain's names (ages computed by the domain's `ageOn`). */
function valuesOf(rule: QualityRuleCode, r: Record<string, any>, today: string): QualityValues {
  switch (rule) {
    case 'assisted_income_below_line': return { year: r.year, income: Number(r.income), line: Number(r.line) };
    case 'assisted_no_measure': return { measures: r.measures };
    case 'labour_no_developmental': return { labour: r.labour, measures: r.measures };
    case 'identified_no_developmental': return { identifiedOn: r.identified_on, labour: r.labour };
    case 'illness_without_evidence': return { illMembers: r.ill_members, outOfPocket: Number(r.out_of_pocket) };
    case 'unstable_employment_nobody_working': return { members: r.members };
    case 'child_out_of_school': return { age: ageOn(r.birth_date, today), schoolStatus: r.school_status };
    case 'healthy_adult_no_labour':
    case 'tekun_healthy_adult': return { age: ageOn(r.birth_date, today) };
    case 'yulu_non_vocational': return { yuluMeasures: r.yulu_measures };
    case 'no_monitor_contact': return {};
    case 'tiny_wage_income': return { year: r.year, wage: Number(r.wage) };
    case 'duplicate_public_welfare_post': return { holders: r.holders, posts: r.posts };
  }
}

/** Run one rule's statement. */
export async function runCheck(q: Queryable, rule: QualityRuleCode, o: CheckOptions): Promise<CheckRow[]> {
  const c: Ctx = { p: new SqlParams(), today: o.today, o };
  const rows = await q.query(CHECK_SQL[rule](c), c.p.values);
  return rows.map((r) => ({
    rule,
    householdId: Number(r.household_id),
    personId: r.person_id == null ? null : Number(r.person_id),
    personName: r.person_name ?? null,
    villageCode: r.village_code,
    values: valuesOf(rule, r, o.today),
  }));
}

/** The records of households (all of the checks' population, or the given ids) in the domain's shape. */
export async function loadQualityFacts(q: Queryable, householdIds?: readonly number[]): Promise<QualityHousehold[]> {
  const p = new SqlParams();
  const filter = householdIds ? `h.id = ANY(${p.add(householdIds.map(Number))}::bigint[])` : POPULATION;
  const hs = await q.query(
    `SELECT h.id, h.household_type, h.monitor_category, to_char(h.monitor_identified_on, 'YYYY-MM-DD') AS monitor_identified_on, h.risk_types,
            h.risk_eliminated, h.elimination_method, h.monitor_contact, hi.year AS income_year, hi.per_capita_net_income, hi.wage_income,
            hi.out_of_pocket_expense
       FROM household h LEFT JOIN household_income hi ON hi.household_id = h.id AND hi.year = h.income_year
      WHERE ${filter} ORDER BY h.id`,
    p.values,
  );
  const ids = hs.map((h) => Number(h.id));
  const persons = await q.query(
    `SELECT id, household_id, name, to_char(birth_date, 'YYYY-MM-DD') AS birth_date, health, labour_skill, school_status, work_location, work_months,
            tekun, public_welfare_post
       FROM person WHERE household_id = ANY($1::bigint[]) ORDER BY household_id, id`, [ids]);
  const measures = await q.query(`SELECT household_id, measure_code, status FROM help_measure WHERE household_id = ANY($1::bigint[]) ORDER BY id`, [ids]);
  const group = (rows: Record<string, any>[]) => {
    const m = new Map<number, Record<string, any>[]>();
    for (const r of rows) {
      const k = Number(r.household_id);
      let a = m.get(k);
      if (!a) m.set(k, (a = []));
      a.push(r);
    }
    return m;
  };
  const pm = group(persons);
  const mm = group(measures);
  return hs.map((h) => ({
    id: Number(h.id),
    householdType: h.household_type,
    monitorCategory: h.monitor_category,
    monitorIdentifiedOn: h.monitor_identified_on,
    riskTypes: h.risk_types,
    riskEliminated: h.risk_eliminated,
    eliminationMethod: h.elimination_method,
    monitorContact: h.monitor_contact,
    incomeYear: h.income_year == null ? null : Number(h.income_year),
    perCapitaNetIncome: h.per_capita_net_income == null ? null : Number(h.per_capita_net_income),
    wageIncome: h.wage_income == null ? null : Number(h.wage_income),
    outOfPocketExpense: h.out_of_pocket_expense == null ? null : Number(h.out_of_pocket_expense),
    members: (pm.get(Number(h.id)) ?? []).map((x) => ({
      id: Number(x.id), name: x.name, birthDate: x.birth_date, health: x.health, labourSkill: x.labour_skill, schoolStatus: x.school_status,
      workLocation: x.work_location, workMonths: Number(x.work_months), tekun: x.tekun, publicWelfarePost: x.public_welfare_post,
    })),
    measures: (mm.get(Number(h.id)) ?? []).map((x) => ({ code: x.measure_code, status: x.status })),
  }));
}
