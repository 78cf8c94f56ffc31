/** A hand-made dataset for the quality tests: households, members, incomes and measures inserted directly. */
import type { Queryable } from '../../db/db.js';
import { newId } from '../../testing/fixture.js';

let seq = 0;

export interface HouseholdSpec {
  village: string;
  householdType?: 'alleviated' | 'ordinary';
  monitorCategory?: 'unstable' | 'marginal' | 'sudden' | null;
  identifiedOn?: string | null;
  riskTypes?: string[];
  eliminated?: 'assisted' | 'natural' | null;
  monitorContact?: string | null;
  income?: { year: number; perCapita: number; wage?: number; outOfPocket?: number; members?: number } | null;
  members?: PersonSpec[];
  measures?: { code: string; status: 'planned' | 'implemented' | 'cancelled' }[];
}

export interface PersonSpec {
  name?: string;
  birth?: string; // YYYYMMDD
  relation?: string;
  health?: string;
  labourSkill?: string;
  schoolStatus?: string;
  workLocation?: string;
  workMonths?: number;
  tekun?: boolean;
  post?: boolean;
}

export const worker = (p: PersonSpec = {}): PersonSpec => ({ birth: '19800301', labourSkill: 'ordinary', workLocation: 'in_county', workMonths: 8, ...p });

export async function insertHousehold(q: Queryable, s: HouseholdSpec): Promise<{ id: number; persons: number[] }> {
  const no = `QT${Date.now() % 1_000_000}${String(++seq).padStart(4, '0')}`;
  const type = s.householdType ?? (s.monitorCategory === 'marginal' ? 'ordinary' : 'alleviated');
  const members = s.members ?? [worker()];
  const [h] = await q.query<{ id: number }>(
    `INSERT INTO household (household_no, village_code, household_type, alleviation_year, monitor_category, monitor_identified_on, risk_types,
                            risk_eliminated, elimination_method, eliminated_on, monitor_contact, member_count, income_year, per_capita_net_income)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
    [no, s.village, type, type === 'alleviated' ? 2018 : null, s.monitorCategory ?? null,
      s.monitorCategory ? (s.identifiedOn === undefined ? '2024-03-01' : s.identifiedOn) : null, s.riskTypes ?? (s.monitorCategory ? ['accident'] : []),
      !!s.eliminated, s.eliminated ?? null, s.eliminated ? '2024-09-01' : null,
      s.monitorContact === undefined ? '联系人' : s.monitorContact, members.length, s.income?.year ?? null, s.income?.perCapita ?? null],
  );
  const id = Number(h!.id);
  const persons: number[] = [];
  for (const [i, p] of members.entries()) {
    const idn = newId(p.birth ?? '19800301', i % 2 === 0);
    const [r] = await q.query<{ id: number }>(
      `INSERT INTO person (household_id, name, sex, id_number, identity_key, birth_date, relation, health, labour_skill, school_status, work_location,
                           work_months, tekun, public_welfare_post, post_months)
       VALUES ($1, $2, $3, $4, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
      [id, p.name ?? `成员${seq}-${i}`, i % 2 === 0 ? 'male' : 'female', idn, `${idn.slice(6, 10)}-${idn.slice(10, 12)}-${idn.slice(12, 14)}`,
        p.relation ?? (i === 0 ? 'head' : 'son'), p.health ?? 'healthy', p.labourSkill ?? 'ordinary', p.schoolStatus ?? 'none',
        p.workLocation ?? 'none', p.workMonths ?? 0, p.tekun ?? false, p.post ?? false, p.post ? 10 : 0],
    );
    persons.push(Number(r!.id));
  }
  if (s.income) {
    const m = s.income.members ?? members.length;
    await q.query(
      `INSERT INTO household_income (household_id, year, wage_income, out_of_pocket_expense, member_count, net_income, per_capita_net_income)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [id, s.income.year, s.income.wage ?? 0, s.income.outOfPocket ?? 0, m, s.income.perCapita * m, s.income.perCapita],
    );
  }
  if (s.measures?.length) {
    const [plan] = await q.query<{ id: number }>(`INSERT INTO help_plan (household_id, made_on) VALUES ($1, '2024-04-01') RETURNING id`, [id]);
    for (const m of s.measures) {
      await q.query(
        `INSERT INTO help_measure (plan_id, household_id, measure_code, planned_on, status, implemented_on) VALUES ($1, $2, $3, '2024-04-01', $4, $5)`,
        [plan!.id, id, m.code, m.status, m.status === 'implemented' ? '2024-05-01' : null],
      );
    }
  }
  return { id, persons };
}

export async function tableCounts(q: Queryable, tables: readonly string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of tables) out[t] = Number((await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t}`))[0]!.n);
  return out;
}
