/**
 * Loads the demo county on first start: when the registry is empty, generate households, persons and incomes
 * for the configured counties plus one login per role, and bulk-load them with COPY in one transaction.
 */
import type { Db, Queryable } from '../db/db.js';
import type { Clock } from '../clock.js';
import { todayOf } from '../clock.js';
import { hashPassword } from '../modules/auth/password.js';
import type { Role } from '@shouwang/domain';
import { generateDemoBatches, plannedHouseholdsByVillage, type DemoArea, type DemoCountyInput, type DemoData } from './demo.generator.js';
import { DEMO_USERNAMES, demoAreas, demoUserLabel, demoUserSpecs, pickHelperHouseholds } from './demo.users.js';
import { linkageDemoSummary, loadLinkageDemo, type LinkageDemoCounts } from './linkage.demo.js';
import { FEATURE_DEMOS } from './feature.demos.js';
import { createServices } from '../services.js';

export interface DemoUser { username: string; role: string; label: string }
export interface DemoResult {
  loaded: boolean;
  households: number;
  persons: number;
  users: DemoUser[];
  /** Filled when `loaded`: rows per category and the time taken. */
  alleviated?: number;
  monitored?: Record<string, number>;
  seconds?: number;
  /** Filled when `loaded`: what the "5+2" linkage demo created (null when linkage records already existed). */
  linkage?: LinkageDemoCounts | null;
}

export interface DemoLoadOptions {
  counties: string[];
  scale: number;
  password: string;
  clock: Clock;
  seed?: number;
}

const HOUSEHOLD_COLUMNS = [
  'id', 'household_no', 'village_code', 'address', 'phone', 'household_type', 'alleviation_year', 'monitor_category',
  'monitor_identified_on', 'risk_types', 'risk_eliminated', 'elimination_method', 'eliminated_on', 'monitor_contact',
  'helper_name', 'helper_user_id', 'relocated', 'relocation_site', 'no_labour_guarantee', 'dibao', 'tekun',
  'housing_unsafe', 'schooling_dropout', 'water_unsafe', 'medical_uninsured', 'member_count', 'income_year',
  'per_capita_net_income',
] as const;

const PERSON_COLUMNS = [
  'id', 'household_id', 'name', 'sex', 'id_type', 'id_number', 'identity_key', 'birth_date', 'relation', 'ethnicity',
  'political_status', 'education', 'school_status', 'health', 'disability_category', 'disability_grade', 'labour_skill',
  'work_location', 'work_months', 'resident_medical_insurance', 'employee_medical_insurance',
  'critical_illness_insurance', 'pension_insurance', 'dibao', 'tekun', 'public_welfare_post', 'post_months',
  'skill_certificate',
] as const;

const INCOME_COLUMNS = [
  'household_id', 'year', 'wage_income', 'business_income', 'property_income', 'transfer_income', 'business_expense',
  'claim_income', 'out_of_pocket_expense', 'member_count', 'net_income', 'per_capita_net_income',
] as const;

function* householdRows(d: DemoData): Generator<unknown[]> {
  for (const h of d.households) {
    yield [
      h.id, h.householdNo, h.villageCode, h.address, h.phone, h.householdType, h.alleviationYear, h.monitorCategory,
      h.monitorIdentifiedOn, h.riskTypes, h.riskEliminated, h.eliminationMethod, h.eliminatedOn, h.monitorContact,
      h.helperName, h.helperUserId, h.relocated, h.relocationSite, h.noLabourGuarantee, h.dibao, h.tekun,
      h.housingUnsafe, h.schoolingDropout, h.waterUnsafe, h.medicalUninsured, h.memberCount, h.incomeYear,
      h.perCapitaNetIncome,
    ];
  }
}

function* personRows(d: DemoData): Generator<unknown[]> {
  for (const p of d.persons) {
    yield [
      p.id, p.householdId, p.name, p.sex, p.idType, p.idNumber, p.identityKey, p.birthDate, p.relation, p.ethnicity,
      p.politicalStatus, p.education, p.schoolStatus, p.health, p.disabilityCategory, p.disabilityGrade, p.labourSkill,
      p.workLocation, p.workMonths, p.residentMedicalInsurance, p.employeeMedicalInsurance,
      p.criticalIllnessInsurance, p.pensionInsurance, p.dibao, p.tekun, p.publicWelfarePost, p.postMonths,
      p.skillCertificate,
    ];
  }
}

function* incomeRows(d: DemoData): Generator<unknown[]> {
  for (const x of d.incomes) {
    yield [
      x.householdId, x.year, x.wageIncome, x.businessIncome, x.propertyIncome, x.transferIncome, x.businessExpense,
      x.claimIncome, x.outOfPocketExpense, x.memberCount, x.netIncome, x.perCapitaNetIncome,
    ];
  }
}

const count = async (q: Queryable, table: 'household' | 'person') =>
  Number((await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]?.n ?? 0);

/** The demo logins that exist, in the fixed order, labelled with role and place. */
export async function describeDemoUsers(q: Queryable): Promise<DemoUser[]> {
  const rows = await q.query<{
    id: number; username: string; role: Role; area_level: string | null; area_name: string | null; parent_name: string | null;
    department_name: string | null;
  }>(
    `SELECT u.id, u.username, u.role, a.level AS area_level, a.name AS area_name, p.name AS parent_name, d.name AS department_name
       FROM user_account u
       LEFT JOIN area a ON a.code = u.area_code
       LEFT JOIN area p ON p.code = a.parent_code
       LEFT JOIN department d ON d.code = u.department_code
      WHERE u.username = ANY($1)`,
    [DEMO_USERNAMES],
  );
  const out: DemoUser[] = [];
  for (const username of DEMO_USERNAMES) {
    const r = rows.find((x) => x.username === username);
    if (!r) continue;
    let helper: { helperTownship: string | null; helperVillage: string | null; helperHouseholds: number } | undefined;
    if (r.role === 'helper') {
      const [h] = await q.query<{ n: number; village: string | null; township: string | null }>(
        `SELECT count(*)::int AS n, min(v.name) AS village, min(t.name) AS township
           FROM household h JOIN area v ON v.code = h.village_code LEFT JOIN area t ON t.code = v.parent_code
          WHERE h.helper_user_id = $1`,
        [r.id],
      );
      helper = { helperTownship: h?.township ?? null, helperVillage: h?.village ?? null, helperHouseholds: Number(h?.n ?? 0) };
    }
    out.push({
      username,
      role: r.role,
      label: demoUserLabel({
        username, role: r.role, areaLevel: r.area_level, areaName: r.area_name, parentName: r.parent_name,
        departmentName: r.department_name, ...helper,
      }),
    });
  }
  return out;
}

async function countyAreas(q: Queryable, countyCode: string): Promise<DemoArea[]> {
  return q.query<DemoArea>(
    `SELECT code, name, level, parent_code FROM area
      WHERE county_code = $1 AND level IN ('county', 'township', 'village') ORDER BY code`,
    [countyCode],
  );
}

export async function loadDemoIfEmpty(db: Db, o: DemoLoadOptions): Promise<DemoResult> {
  const existing = await count(db, 'household');
  if (existing > 0) {
    return { loaded: false, households: existing, persons: await count(db, 'person'), users: await describeDemoUsers(db) };
  }
  const started = Date.now();
  if (!o.counties.length) throw new Error('没有配置县，无法生成演示数据');
  console.log('正在生成演示县数据…');

  const counties: DemoCountyInput[] = [];
  for (const countyCode of o.counties) {
    const areas = await countyAreas(db, countyCode);
    if (!areas.some((a) => a.level === 'village')) throw new Error(`县 ${countyCode} 的村级区划未加载，无法生成演示数据`);
    counties.push({ countyCode, areas });
  }
  const opts = { seed: o.seed, scale: o.scale, asOf: todayOf(o.clock) };

  const first = counties[0]!;
  const planned = plannedHouseholdsByVillage(first, opts);
  const { township, village } = demoAreas(first.areas, first.countyCode, planned.keys());
  const specs = demoUserSpecs(first.countyCode, township, village);
  const passwordHash = await hashPassword(o.password);
  const now = o.clock().toISOString();
  const totals = { households: 0, persons: 0, alleviated: 0, monitored: {} as Record<string, number> };

  await db.tx(async (q) => {
    for (const u of specs) {
      await q.query(
        `INSERT INTO user_account (username, display_name, password_hash, role, area_code, department_code, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7) ON CONFLICT (username) DO NOTHING`,
        [u.username, u.displayName, passwordHash, u.role, u.areaCode, u.departmentCode, now],
      );
    }
    const [helper] = await q.query<{ id: number; display_name: string }>(
      `SELECT id, display_name FROM user_account WHERE username = 'helper' AND role = 'helper'`,
    );
    // Batches of whole villages: memory stays flat however many counties are configured.
    for (const batch of generateDemoBatches(counties, opts, 20_000)) {
      if (helper) {
        for (const h of pickHelperHouseholds(batch.households, village.code)) {
          h.helperUserId = Number(helper.id);
          h.helperName = helper.display_name;
        }
      }
      await q.copyFrom('household', HOUSEHOLD_COLUMNS, householdRows(batch));
      await q.copyFrom('person', PERSON_COLUMNS, personRows(batch));
      await q.copyFrom('household_income', INCOME_COLUMNS, incomeRows(batch));
      totals.households += batch.households.length;
      totals.persons += batch.persons.length;
      for (const h of batch.households) {
        if (h.householdType === 'alleviated') totals.alleviated++;
        if (h.monitorCategory) totals.monitored[h.monitorCategory] = (totals.monitored[h.monitorCategory] ?? 0) + 1;
      }
      console.log(`  已写入 ${totals.households} 户 / ${totals.persons} 人…`);
    }
    for (const table of ['household', 'person', 'user_account']) {
      await q.query(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT max(id) FROM ${table}))`);
    }
  });

  // "5+2" linkage demo: only on this first start, once the registry demo and the demo users are in.
  const linkage = await loadLinkageDemo(db, { countyCode: first.countyCode, clock: o.clock });
  const featureLines: string[] = [];
  const services = createServices(db, o.clock, { SESSION_TTL_HOURS: 8 });
  for (const f of FEATURE_DEMOS) {
    const line = await f.load(db, { countyCode: first.countyCode, clock: o.clock, services });
    if (line) featureLines.push(line);
  }
  await db.query('VACUUM ANALYZE');

  const seconds = Math.round((Date.now() - started) / 100) / 10;
  console.log(`演示数据已生成: ${totals.households} 户 / ${totals.persons} 人，用时 ${seconds} 秒${linkage ? `；${linkageDemoSummary(linkage)}` : ''}${featureLines.map((l) => `；${l}`).join('')}`);
  return {
    loaded: true,
    households: totals.households,
    persons: totals.persons,
    users: await describeDemoUsers(db),
    alleviated: totals.alleviated,
    monitored: totals.monitored,
    seconds,
    linkage,
  };
}
