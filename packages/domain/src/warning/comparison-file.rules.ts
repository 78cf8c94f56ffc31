/**
 * 信息比对 upload files (issue 3 §3): which columns a family's file must carry, who may run a family, and the row
 * bookkeeping a streamed run needs (duplicate IDs seen so far). Pure; the server streams the file and calls these.
 *
 * Decisions documented here:
 * - Every file carries 证件号码 (aliases 身份证号, 身份证号码, 公民身份号码, 证件号, 残疾人证号); 姓名 is optional and only
 *   shown in the run report. A family field is a column headed by its catalogue label (RULE_FIELDS); it is
 *   **required** when an active rule of the family reads it, otherwise optional (a missing optional column is simply
 *   empty, and a rule reading an empty value does not fire: `missing_data`).
 * - A department user runs only the families of its own department (RULE_FAMILY_DEPARTMENTS); the county office
 *   (and the admin) may run any family, the comparison is then pushed in the family's department's name.
 * - The same ID twice in one file is reported (row and the row it repeats, `DuplicateTracker` of matching.rules.ts);
 *   both rows are still evaluated — a second hit of the same rule for the same person attaches to the warning of the
 *   first (planWarnings), so nothing is double-counted.
 */
import type { ExpectedColumn } from '../files/spreadsheet-input.rules.js';
import type { Role } from '../access/roles.js';
import { RULE_FAMILY_DEPARTMENTS, RULE_FAMILY_LABELS, RULE_FIELDS, type ComparisonRule, type Condition, type RuleFamily } from './comparison-rules.js';

export const RULE_FAMILIES = Object.keys(RULE_FAMILY_LABELS) as RuleFamily[];

export const isRuleFamily = (s: string): s is RuleFamily => Object.prototype.hasOwnProperty.call(RULE_FAMILY_LABELS, s);

export const ID_NUMBER_COLUMN: ExpectedColumn = {
  key: 'idNumber', label: '证件号码', required: true, aliases: ['身份证号', '身份证号码', '公民身份号码', '证件号', '残疾人证号'],
};
export const NAME_COLUMN: ExpectedColumn = { key: 'name', label: '姓名', required: false, aliases: ['人员姓名'] };

/** The row fields a condition reads. */
export function fieldsOfCondition(c: Condition, out: Set<string> = new Set()): Set<string> {
  if ('all' in c) c.all.forEach((p) => fieldsOfCondition(p, out));
  else if ('any' in c) c.any.forEach((p) => fieldsOfCondition(p, out));
  else out.add(c.field);
  return out;
}

/** The columns of a family's file: 证件号码, 姓名, then the family's fields (required when an active rule reads them). */
export function comparisonColumns(family: RuleFamily, activeRules: readonly Pick<ComparisonRule, 'family' | 'condition'>[]): ExpectedColumn[] {
  const used = new Set<string>();
  for (const r of activeRules) if (r.family === family) fieldsOfCondition(r.condition, used);
  const fields = Object.entries(RULE_FIELDS[family]).map(([key, def]) => ({ key, label: def.label, required: used.has(key) }));
  return [ID_NUMBER_COLUMN, NAME_COLUMN, ...fields];
}

/** The families a user may upload: a department user its own department's, the county office and admin all. */
export function runnableFamilies(user: { role: Role; departmentCode: string | null }): RuleFamily[] {
  if (user.role === 'county_office' || user.role === 'admin') return [...RULE_FAMILIES];
  if (user.role !== 'department_user' || !user.departmentCode) return [];
  return RULE_FAMILIES.filter((f) => RULE_FAMILY_DEPARTMENTS[f] === user.departmentCode);
}

export type FamilyRunCheck = { ok: true } | { ok: false; status: 400 | 403; message: string };

/** Whether the user may run `family` (unknown family → 400; another department's family → 403). */
export function checkFamilyRun(user: { role: Role; departmentCode: string | null }, family: string): FamilyRunCheck {
  if (!isRuleFamily(family)) return { ok: false, status: 400, message: `未知的比对数据类别「${family}」，可选：${RULE_FAMILIES.map((f) => `${f}（${RULE_FAMILY_LABELS[f]}）`).join('、')}` };
  if (runnableFamilies(user).includes(family)) return { ok: true };
  return { ok: false, status: 403, message: `「${RULE_FAMILY_LABELS[family]}」数据只能由${RULE_FAMILY_LABELS[family]}数据的提供部门或县联动办公室上传比对` };
}
