/**
 * The registry import (issue 3 §2): one sheet row per person; rows are grouped into households and validated with the
 * registry's own zod schemas and ID rules (ordinary rows through equivalent plain checks, registry.fast-validate.ts),
 * then written in one transaction: households, persons and incomes with COPY, the history rows with one INSERT … SELECT.
 *
 * Decisions (also on the template's explanation sheet):
 * - Households: rows with the same 户编号 are one household. A row without 户编号 whose 与户主关系 is 户主 starts a
 *   new household, and the rows without 户编号 right after it belong to it. Household and income columns are read
 *   from the 户主's row (on other rows they may be repeated, as the export does, and are not read).
 * - The import only ADDS households: a 证件号码 already in the registry, or a 户编号 already used, is a row error
 *   (the domain rule: the same person is never registered twice, never silently merged). Changes to existing
 *   households are made in the registry. Export → import into an empty county therefore gives the same registry.
 * - 人均纯收入 is recomputed from the income columns (the registry's rule); the income is stored for 收入年度.
 * - Household numbers: kept when given; otherwise the next free village code + 4 digits, as the registry does.
 */
import { z } from 'zod';
import {
  REGISTRY_COLUMNS, REGISTRY_FIELD_OF_KEY, isWithinArea, maskIdNumber, maskPhone, netIncome,
  parseRow, perCapitaNetIncome, rowError, type RowError, type TemplateColumn,
} from '@shouwang/domain';
import type { Queryable } from '../../db/db.js';
import { toSnake } from '../../db/case.js';
import type { AuthUser } from '../../http/context.js';
import type { TabularRow } from '../../files/tabular.reader.js';
import { householdInput, incomeInput, personInput, type HouseholdInput, type IncomeInput, type PersonInput } from '../registry/registry.schemas.js';
import { personRecord } from '../registry/registry.service.js';
import * as repo from './imports.repository.js';
import { fastHousehold, fastIncome, fastPerson } from './registry.fast-validate.js';

const MAX_MEMBERS = 30;
const labelOfKey = new Map(REGISTRY_COLUMNS.map((c) => [c.key, c.label]));
const keyOfPersonField = new Map(Object.entries(REGISTRY_FIELD_OF_KEY).map(([k, f]) => [f, k]));
const byScope = (scope: TemplateColumn['scope']) => REGISTRY_COLUMNS.filter((c) => c.scope === scope).map((c) => c.key);
const HOUSEHOLD_KEYS = byScope('household').filter((k) => k !== 'householdNo');
const INCOME_KEYS = byScope('income').filter((k) => k !== 'incomeYear');
const PERSON_KEYS = byScope('person');
const REQUIRED_PERSON = ['name', 'idNumber', 'relation', 'labourSkill'];

type PersonRec = PersonInput & { identityKey: string; birthDate: string; sex: string };
interface Group {
  key: string;
  householdNo: string | null;
  firstRow: number;
  headRow: number | null;
  household: HouseholdInput | null;
  income: (IncomeInput & { year: number }) | null;
  persons: { row: number; rec: PersonRec }[];
  rows: number[];
  invalid: boolean;
}

export interface RegistryImportResult {
  rowsRead: number;
  errors: RowError[];
  errorCount: number;
  /** Households and persons that will be (or were) written. */
  households: number;
  persons: number;
}

/** Collects and validates rows batch by batch; `write` then stores the valid households in the given transaction. */
export class RegistryImport {
  rowsRead = 0;
  private errors: RowError[] = [];
  private badRows = new Set<number>();
  private groups = new Map<string, Group>();
  private openGroup: Group | null = null;
  private seenIds = new Map<string, number>();
  private readonly today: string;

  constructor(
    private readonly mapping: Readonly<Record<string, number>>,
    private readonly user: AuthUser,
    private readonly villages: Map<string, string>,
    today: string,
  ) {
    this.today = today;
  }

  private fail(row: number, key: string | null, value: unknown, message: string) {
    this.errors.push(rowError(row, key ? labelOfKey.get(key) ?? key : '', value ?? '', message));
    this.badRows.add(row);
  }

  private cell(cells: string[], key: string): string {
    const i = this.mapping[key];
    return i === undefined ? '' : cells[i] ?? '';
  }

  /** Zod issues → row errors on the column of the issue's field. */
  private zodErrors(row: number, cells: string[], e: z.ZodError, keyOf: (field: string) => string) {
    for (const issue of e.issues) {
      const field = String(issue.path[0] ?? '');
      const key = keyOf(field);
      this.fail(row, key, this.cell(cells, key), issue.message);
    }
  }

  consume(batch: TabularRow[]): void {
    for (const r of batch) this.consumeRow(r);
  }

  private consumeRow({ rowNumber: row, cells }: TabularRow): void {
    this.rowsRead++;
    const parsed = parseRow(REGISTRY_COLUMNS, this.mapping, cells);
    for (const e of parsed.errors) { this.errors.push(rowError(row, e.column, e.value, e.message)); this.badRows.add(row); }
    const v = parsed.values;

    // the person
    const personIn: Record<string, unknown> = {};
    for (const k of PERSON_KEYS) {
      if (v[k] === undefined) continue;
      personIn[REGISTRY_FIELD_OF_KEY[k] ?? k] = k === 'disabilityCategory' || k === 'disabilityGrade' ? Number(v[k]) : v[k];
    }
    for (const k of REQUIRED_PERSON) if (v[k] === undefined && !parsed.errors.some((e) => e.column === labelOfKey.get(k))) this.fail(row, k, '', `请填写「${labelOfKey.get(k)}」`);
    let rec: PersonRec | null = null;
    const fast = fastPerson(personIn);
    const p = fast ? { success: true as const, data: fast } : personInput.safeParse(personIn);
    if (!p.success) {
      if (REQUIRED_PERSON.every((k) => v[k] !== undefined)) this.zodErrors(row, cells, p.error, (f) => keyOfPersonField.get(f) ?? f);
    } else {
      const checked = personRecord(p.data, this.today);
      if (!checked.ok) this.fail(row, checked.field, this.cell(cells, checked.field), checked.message);
      else {
        rec = checked.record;
        const prev = this.seenIds.get(checked.identityKey);
        if (prev !== undefined) { this.fail(row, 'idNumber', this.cell(cells, 'idNumber'), `与第 ${prev} 行是同一人（证件号码重复）`); rec = null; }
        else this.seenIds.set(checked.identityKey, row);
      }
    }

    // the household it belongs to
    const no = (v.householdNo as string | undefined) ?? null;
    const isHead = v.relation === 'head';
    let g: Group | null;
    if (no) {
      if (no.length > 32) { this.fail(row, 'householdNo', no, '「户编号」不超过32个字符'); return; }
      g = this.groups.get(`no:${no}`) ?? null;
      if (!g) { g = newGroup(`no:${no}`, no, row); this.groups.set(g.key, g); }
      this.openGroup = null;
    } else if (isHead) {
      g = newGroup(`row:${row}`, null, row);
      this.groups.set(g.key, g);
      this.openGroup = g;
    } else {
      g = this.openGroup;
      if (!g) { this.fail(row, 'householdNo', '', '未填写户编号的成员行，须紧跟在本户户主行之后'); return; }
    }
    g.rows.push(row);
    if (rec) g.persons.push({ row, rec });
    if (isHead) {
      if (g.headRow !== null) { this.fail(row, 'relation', this.cell(cells, 'relation'), `本户已有户主（第 ${g.headRow} 行），每户只能有一名户主`); return; }
      g.headRow = row;
      this.readHousehold(g, row, cells, v);
    }
  }

  private readHousehold(g: Group, row: number, cells: string[], v: Record<string, unknown>) {
    const hIn: Record<string, unknown> = {};
    for (const k of HOUSEHOLD_KEYS) if (v[k] !== undefined) hIn[k] = v[k];
    if (v.villageCode === undefined) this.fail(row, 'villageCode', '', '户主行须填写「所属村代码」');
    if (v.householdType === undefined) this.fail(row, 'householdType', '', '户主行须填写「户类型」');
    if (v.villageCode === undefined || v.householdType === undefined) return;
    const fastH = fastHousehold(hIn);
    const h = fastH ? { success: true as const, data: fastH } : householdInput.safeParse(hIn);
    if (!h.success) { this.zodErrors(row, cells, h.error, (f) => f); return; }
    const village = h.data.villageCode;
    if (!this.villages.has(village)) { this.fail(row, 'villageCode', village, `所属村代码 ${village} 不存在`); return; }
    if (!isWithinArea(village, this.user.areaCode)) { this.fail(row, 'villageCode', village, `所属村 ${this.villages.get(village)} 不在您的管辖范围内`); return; }
    if (g.householdNo && !g.householdNo.startsWith(village)) { this.fail(row, 'householdNo', g.householdNo, '「户编号」应以所属村代码开头'); return; }
    g.household = h.data;

    const hasIncome = INCOME_KEYS.some((k) => v[k] !== undefined);
    if (v.incomeYear === undefined) {
      if (hasIncome) this.fail(row, 'incomeYear', '', '填写了收入，须填写「收入年度」');
      return;
    }
    const year = v.incomeYear as number;
    if (year < 2013 || year > Number(this.today.slice(0, 4))) { this.fail(row, 'incomeYear', String(year), `「收入年度」应在 2013 至 ${this.today.slice(0, 4)} 之间`); return; }
    const iIn: Record<string, unknown> = {};
    for (const k of INCOME_KEYS) if (v[k] !== undefined) iIn[k] = v[k];
    const fastI = fastIncome(iIn);
    const inc = fastI ? { success: true as const, data: fastI } : incomeInput.safeParse(iIn);
    if (!inc.success) { this.zodErrors(row, cells, inc.error, (f) => f); return; }
    g.income = { ...inc.data, year };
  }

  /** Household-level and database checks after the last row; returns the groups to write. */
  async finish(q: Queryable, mode: repo.ImportMode): Promise<{ write: Group[]; result: RegistryImportResult }> {
    const groups = [...this.groups.values()];
    for (const g of groups) {
      if (g.headRow === null) this.fail(g.firstRow, 'relation', '', g.householdNo ? `户编号 ${g.householdNo} 没有户主（与户主关系为“户主”的成员）` : '本户没有户主');
      if (g.rows.length > MAX_MEMBERS) this.fail(g.firstRow, 'householdNo', g.householdNo ?? '', `本户有 ${g.rows.length} 名成员，超过 ${MAX_MEMBERS} 人的上限`);
    }
    const registered = await repo.registeredIdentities(q, [...this.seenIds.keys()]);
    for (const g of groups) for (const p of g.persons) {
      const holder = registered.get(p.rec.identityKey);
      if (holder) this.fail(p.row, 'idNumber', maskIdNumber(p.rec.identityKey), `证件号码已登记在户 ${holder}，同一人不能重复登记（导入只新增农户，已有农户请在农户信息中修改）`);
    }
    const givenNos = groups.filter((g) => g.householdNo).map((g) => g.householdNo!);
    const usedNos = await repo.existingHouseholdNos(q, givenNos);
    for (const g of groups) if (g.householdNo && usedNos.has(g.householdNo) && g.headRow !== null) this.fail(g.headRow, 'householdNo', g.householdNo, `户编号 ${g.householdNo} 已存在`);

    for (const g of groups) g.invalid = g.household === null || g.rows.some((r) => this.badRows.has(r));
    const write = mode === 'atomic' && this.badRows.size > 0 ? [] : groups.filter((g) => !g.invalid);
    if (mode === 'valid_rows') {
      for (const g of groups) if (g.invalid) for (const r of g.rows) if (!this.badRows.has(r)) {
        this.errors.push(rowError(r, '', '', '同户其他成员的数据有错误，整户未导入'));
      }
    }
    this.errors.sort((a, b) => a.row - b.row);
    return {
      write,
      result: {
        rowsRead: this.rowsRead, errors: this.errors, errorCount: this.errors.length,
        households: write.length, persons: write.reduce((n, g) => n + g.persons.length, 0),
      },
    };
  }
}

function newGroup(key: string, householdNo: string | null, row: number): Group {
  return { key, householdNo, firstRow: row, headRow: null, household: null, income: null, persons: [], rows: [], invalid: false };
}

const HOUSEHOLD_COLUMNS = ['id', 'household_no', ...HOUSEHOLD_KEYS.map(toSnake), 'member_count', 'income_year', 'per_capita_net_income'];
const PERSON_FIELDS = [
  'name', 'sex', 'idType', 'idNumber', 'identityKey', 'birthDate', 'relation', 'ethnicity', 'politicalStatus', 'education', 'schoolStatus',
  'health', 'disabilityCategory', 'disabilityGrade', 'labourSkill', 'workLocation', 'workMonths', 'residentMedicalInsurance',
  'employeeMedicalInsurance', 'criticalIllnessInsurance', 'pensionInsurance', 'dibao', 'tekun', 'publicWelfarePost', 'postMonths', 'skillCertificate',
] as const;
/** The household fields in a creation's history entry (JSON key → column), as `diffFields(null, household)` lists them. */
const HISTORY_FIELDS: Readonly<Record<string, string>> = Object.fromEntries(HOUSEHOLD_KEYS.map((k) => [k, toSnake(k)]));
const INCOME_COLUMNS = ['household_id', 'year', ...INCOME_KEYS.map(toSnake), 'member_count', 'net_income', 'per_capita_net_income'];

/** Write the households (numbers assigned, ids reserved, COPY), their persons, incomes and history rows. */
export async function writeHouseholds(q: Queryable, groups: Group[], user: AuthUser, jobId: number, onProgress: (persons: number) => void): Promise<void> {
  if (!groups.length) return;
  // household numbers for new households: the next free number per village, as the registry numbers them
  const villageCodes = [...new Set(groups.map((g) => g.household!.villageCode))];
  const { taken, counts } = await repo.householdNosIn(q, villageCodes);
  for (const g of groups) if (g.householdNo) taken.add(g.householdNo);
  const next = new Map<string, number>();
  for (const g of groups) {
    if (g.householdNo) continue;
    const v = g.household!.villageCode;
    let n = next.get(v) ?? (counts.get(v) ?? 0) + 1;
    let no = v + String(n).padStart(4, '0');
    while (taken.has(no)) { n++; no = v + String(n).padStart(4, '0'); }
    taken.add(no);
    next.set(v, n + 1);
    g.householdNo = no;
  }
  const ids = await repo.reserveHouseholdIds(q, groups.length);
  const households: unknown[][] = [];
  const incomes: unknown[][] = [];
  const maskedPhones: (string | null)[] = [];
  groups.forEach((g, i) => {
    const id = ids[i]!;
    const h = g.household!;
    const members = g.persons.length;
    const perCapita = g.income ? perCapitaNetIncome(g.income, members) : null;
    households.push([id, g.householdNo, ...HOUSEHOLD_KEYS.map((k) => (h as Record<string, unknown>)[k] ?? null), members, g.income?.year ?? null, perCapita]);
    if (g.income) incomes.push([id, g.income.year, ...INCOME_KEYS.map((k) => (g.income as Record<string, unknown>)[k] ?? 0), members, netIncome(g.income), perCapita]);
    maskedPhones.push(maskPhone(h.phone ?? null));
  });
  await q.copyFrom('household', HOUSEHOLD_COLUMNS, households);
  let written = 0;
  const chunk: unknown[][] = [];
  const flush = async () => { if (chunk.length) { await q.copyFrom('person', ['household_id', ...PERSON_FIELDS.map(toSnake)], chunk); written += chunk.length; chunk.length = 0; onProgress(written); } };
  for (let i = 0; i < groups.length; i++) {
    for (const p of groups[i]!.persons) {
      const r = p.rec as unknown as Record<string, unknown>;
      chunk.push([ids[i], ...PERSON_FIELDS.map((f) => r[f] ?? null)]);
      if (chunk.length >= 20_000) await flush();
    }
  }
  await flush();
  if (incomes.length) await q.copyFrom('household_income', INCOME_COLUMNS, incomes);
  await repo.insertCreateHistory(q, ids, maskedPhones, HISTORY_FIELDS, user, jobId);
}
