/**
 * Import/export templates (issue 3 §1, §2): the columns of the registry sheet (户 + 人, one row per person) and of the
 * 公安 rural population roster (农村人口底册), and the rules turning a cell's text into a typed value and back.
 *
 * Decisions:
 * - Code lists are written as their Chinese labels (脱贫户, 一般农户, 因病 …); the internal code is accepted too.
 *   Yes/no cells are 是/否 (also accepted: Y/N, 1/0, TRUE/FALSE, √/×, 有/无). Several risk types go in one cell,
 *   separated by 、 or a comma or semicolon (half- or full-width). Dates: YYYY-MM-DD (also YYYY/M/D, YYYY.M.D,
 *   YYYYMMDD). Amounts: 元 with at most 2 decimals, thousands separators allowed.
 * - An empty cell is `undefined` (the registry schema then applies its default or says the field is required).
 * - Leading apostrophes that the exporter added against formula injection are removed (unescapeSpreadsheetCell), so
 *   export → import is lossless; `formatCell` is the inverse of `parseCell` for every column.
 * - Export-only columns (乡镇, 村, 性别, 出生日期, 人均纯收入) are known to the template and ignored on import: sex and
 *   birth date come from the ID number and 人均纯收入 is always recomputed.
 */
import { CODE_LISTS, type CodeListName } from '../household/code-lists.js';
import { unescapeSpreadsheetCell, type ExpectedColumn } from '../files/spreadsheet-input.rules.js';

export type CellKind = 'text' | 'code' | 'codes' | 'bool' | 'int' | 'money' | 'date' | 'ignored';
export type ColumnScope = 'household' | 'person' | 'income' | 'info';

export interface TemplateColumn extends ExpectedColumn {
  scope: ColumnScope;
  kind: CellKind;
  list?: CodeListName;
  /** Shown on the explanation sheet. */
  note?: string;
  /** Export width in characters. */
  width?: number;
}

const col = (key: string, label: string, scope: ColumnScope, kind: CellKind, extra: Partial<TemplateColumn> = {}): TemplateColumn =>
  ({ key, label, scope, kind, required: false, ...extra });

/** The registry sheet, in template order. Household and income columns are read from the 户主's row. */
export const REGISTRY_COLUMNS: readonly TemplateColumn[] = [
  col('householdNo', '户编号', 'household', 'text', { note: '同一户的成员填写相同的户编号；新增农户可留空（留空时，户主行之后紧跟的成员行属于该户），导入后由系统按村编号', width: 20 }),
  col('townshipName', '乡镇', 'info', 'ignored', { note: '仅供查看，导入时不读取' }),
  col('villageName', '村', 'info', 'ignored', { note: '仅供查看，导入时不读取' }),
  col('villageCode', '所属村代码', 'household', 'text', { required: true, aliases: ['村代码', '所属村行政区划代码', '村行政区划代码'], note: '12位村级行政区划代码，须在您的管辖范围内', width: 16 }),
  col('address', '住址', 'household', 'text', { aliases: ['地址', '家庭住址'], width: 24 }),
  col('phone', '联系电话', 'household', 'text', { aliases: ['电话', '手机号', '联系方式'], note: '11位手机号或带区号的固定电话', width: 14 }),
  col('householdType', '户类型', 'household', 'code', { required: true, list: 'householdType' }),
  col('alleviationYear', '脱贫年度', 'household', 'int', { note: '脱贫户必填，2013-2020' }),
  col('monitorCategory', '监测对象类别', 'household', 'code', { list: 'monitorCategory', note: '不是监测对象时留空' }),
  col('monitorIdentifiedOn', '识别监测时间', 'household', 'date'),
  col('riskTypes', '风险类型', 'household', 'codes', { list: 'riskType', note: '最多5项，用顿号、分隔', width: 20 }),
  col('riskEliminated', '风险是否消除', 'household', 'bool'),
  col('eliminationMethod', '消除方式', 'household', 'code', { list: 'eliminationMethod' }),
  col('eliminatedOn', '风险消除时间', 'household', 'date'),
  col('monitorContact', '监测联系人', 'household', 'text'),
  col('helperName', '帮扶责任人', 'household', 'text'),
  col('relocated', '易地搬迁', 'household', 'bool'),
  col('relocationSite', '集中安置区', 'household', 'text'),
  col('noLabourGuarantee', '整户无劳动能力兜底保障户', 'household', 'bool'),
  col('dibao', '低保户', 'household', 'bool'),
  col('tekun', '特困户', 'household', 'bool'),
  col('housingUnsafe', '住房出现安全问题', 'household', 'bool'),
  col('schoolingDropout', '义务教育阶段适龄儿童少年失学辍学', 'household', 'bool'),
  col('waterUnsafe', '饮水出现安全问题', 'household', 'bool'),
  col('medicalUninsured', '家庭成员未参加基本医疗保险', 'household', 'bool'),
  col('incomeYear', '收入年度', 'income', 'int', { note: '填写收入时必填；人均纯收入由系统按 (四项收入 − 生产经营性支出) ÷ 家庭人口 计算' }),
  col('wageIncome', '工资性收入', 'income', 'money'),
  col('businessIncome', '生产经营性收入', 'income', 'money'),
  col('propertyIncome', '财产性收入', 'income', 'money'),
  col('transferIncome', '转移性收入', 'income', 'money'),
  col('businessExpense', '生产经营性支出', 'income', 'money'),
  col('claimIncome', '理赔收入', 'income', 'money'),
  col('outOfPocketExpense', '合规自付支出', 'income', 'money'),
  col('perCapitaNetIncome', '人均纯收入', 'info', 'ignored', { note: '导出时提供，导入时由系统重新计算' }),
  col('name', '姓名', 'person', 'text', { required: true }),
  col('sex', '性别', 'info', 'ignored', { note: '由证件号码得出，导入时不读取' }),
  col('birthDate', '出生日期', 'info', 'ignored', { note: '由证件号码得出，导入时不读取' }),
  col('idType', '证件类型', 'person', 'code', { list: 'idType', note: '留空为居民身份证' }),
  col('idNumber', '证件号码', 'person', 'text', { required: true, aliases: ['身份证号', '身份证号码', '公民身份号码'], note: '18位居民身份证号（校验位须正确），或20/22位残疾人证号；请设置为文本格式', width: 22 }),
  col('relation', '与户主关系', 'person', 'code', { required: true, list: 'relation', note: '每户有且只有一名户主' }),
  col('ethnicity', '民族', 'person', 'code', { list: 'ethnicity', note: '留空为汉族' }),
  col('politicalStatus', '政治面貌', 'person', 'code', { list: 'politicalStatus', note: '留空为群众' }),
  col('education', '文化程度', 'person', 'code', { list: 'education' }),
  col('schoolStatus', '在校生状况', 'person', 'code', { list: 'schoolStatus', note: '留空为非在校生' }),
  col('health', '健康状况', 'person', 'code', { list: 'health', note: '留空为健康' }),
  col('disabilityCategory', '残疾类别', 'person', 'code', { list: 'disabilityCategory', note: '健康状况为残疾时必填' }),
  col('disabilityGrade', '残疾等级', 'person', 'code', { list: 'disabilityGrade', note: '健康状况为残疾时必填' }),
  col('labourSkill', '劳动技能', 'person', 'code', { required: true, list: 'labourSkill' }),
  col('workLocation', '务工所在地', 'person', 'code', { list: 'workLocation', note: '留空为未务工' }),
  col('workMonths', '务工月数', 'person', 'int', { note: '0-12' }),
  col('residentMedicalInsurance', '居民医保', 'person', 'bool'),
  col('employeeMedicalInsurance', '职工医保', 'person', 'bool'),
  col('criticalIllnessInsurance', '大病保险', 'person', 'bool'),
  col('pensionInsurance', '养老保险', 'person', 'bool'),
  col('personDibao', '享受低保', 'person', 'bool'),
  col('personTekun', '特困供养', 'person', 'bool'),
  col('publicWelfarePost', '公益岗位', 'person', 'bool'),
  col('postMonths', '公益岗位聘用月数', 'person', 'int', { note: '0-12' }),
  col('skillCertificate', '技能证书', 'person', 'bool', { note: '是否持有技能证书' }),
];

/** Template keys that differ from the registry field names (both the household and the person have 低保/特困). */
export const REGISTRY_FIELD_OF_KEY: Readonly<Record<string, string>> = { personDibao: 'dibao', personTekun: 'tekun' };

/** The 公安 rural population roster (农村人口底册). */
export const ROSTER_COLUMNS: readonly TemplateColumn[] = [
  col('name', '姓名', 'person', 'text', { required: true }),
  col('idNumber', '证件号码', 'person', 'text', { required: true, aliases: ['身份证号', '身份证号码', '公民身份号码'], note: '18位居民身份证号，校验位须正确', width: 22 }),
  col('villageCode', '所属村代码', 'person', 'text', { required: true, aliases: ['村代码', '村行政区划代码'], note: '12位村级行政区划代码，须是本县已有的村', width: 16 }),
  col('hukouNo', '户号', 'person', 'text', { note: '公安户籍的户号' }),
  col('relation', '与户主关系', 'person', 'text', { note: '按户籍登记原样填写' }),
  col('address', '住址', 'person', 'text', { aliases: ['户籍地址', '地址'], width: 30 }),
  col('sex', '性别', 'info', 'ignored', { note: '由证件号码得出，导入时不读取' }),
  col('birthDate', '出生日期', 'info', 'ignored', { note: '由证件号码得出，导入时不读取' }),
];

export type ImportTemplateName = 'registry' | 'roster';
export const IMPORT_TEMPLATES: Readonly<Record<ImportTemplateName, { title: string; columns: readonly TemplateColumn[] }>> = {
  registry: { title: '农户和家庭成员信息', columns: REGISTRY_COLUMNS },
  roster: { title: '农村人口底册（公安）', columns: ROSTER_COLUMNS },
};

// ── cell parsing ──────────────────────────────────────────────────────────────────────────────────

export type CellValue = string | number | boolean | string[] | undefined;
export type CellResult = { ok: true; value: CellValue } | { ok: false; message: string };

const TRUE_WORDS = new Set(['是', 'y', 'yes', '1', 'true', '√', '✓', '有']);
const FALSE_WORDS = new Set(['否', 'n', 'no', '0', 'false', '×', '✗', '无']);

const labelIndex = new Map<CodeListName, Map<string, string>>();
function codeLookup(list: CodeListName): Map<string, string> {
  let m = labelIndex.get(list);
  if (!m) {
    m = new Map();
    for (const e of CODE_LISTS[list]) { m.set(e.code, e.code); m.set(e.label, e.code); }
    labelIndex.set(list, m);
  }
  return m;
}

/** The labels of a code list, for messages and the explanation sheet. */
export const labelsOf = (list: CodeListName): string[] => CODE_LISTS[list].map((e) => e.label);

function choices(list: CodeListName): string {
  const labels = labelsOf(list);
  return labels.length > 12 ? `${labels.slice(0, 12).join('、')} 等（见模板说明）` : labels.join('、');
}

/** A real calendar date as YYYY-MM-DD, or null. */
export function normaliseDate(s: string): string | null {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m) return null;
  const y = Number(m[1]), mo = Number(m[2]), d = Number(m[3]);
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) return null;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A cell's text → typed value for the column; `undefined` for an empty cell. Messages are Chinese. */
export function parseCell(c: TemplateColumn, raw: string | undefined): CellResult {
  const text = String(unescapeSpreadsheetCell(raw ?? '')).trim();
  if (text === '' || c.kind === 'ignored') return { ok: true, value: undefined };
  switch (c.kind) {
    case 'text':
      return { ok: true, value: text };
    case 'code': {
      const code = codeLookup(c.list!).get(text) ?? codeLookup(c.list!).get(text.replace(/[\s\u3000]+/g, ''));
      return code !== undefined ? { ok: true, value: code } : { ok: false, message: `「${c.label}」取值无效，可选：${choices(c.list!)}` };
    }
    case 'codes': {
      const parts = text.split(/[、,，;；\s]+/).filter(Boolean);
      const out: string[] = [];
      for (const p of parts) {
        const code = codeLookup(c.list!).get(p);
        if (code === undefined) return { ok: false, message: `「${c.label}」中的「${p}」无效，可选：${choices(c.list!)}` };
        out.push(code);
      }
      return { ok: true, value: out };
    }
    case 'bool': {
      const t = text.toLowerCase();
      if (TRUE_WORDS.has(t)) return { ok: true, value: true };
      if (FALSE_WORDS.has(t)) return { ok: true, value: false };
      return { ok: false, message: `「${c.label}」应填写“是”或“否”` };
    }
    case 'int': {
      const m = /^(\d+)(?:\.0+)?$/.exec(text);
      return m ? { ok: true, value: Number(m[1]) } : { ok: false, message: `「${c.label}」应为整数` };
    }
    case 'money': {
      const t = text.replace(/[,，]/g, '');
      if (!/^-?\d+(\.\d+)?$/.test(t)) return { ok: false, message: `「${c.label}」应为金额数字（元）` };
      const n = Number(t);
      if (Math.round(n * 100) / 100 !== n) return { ok: false, message: `「${c.label}」最多保留两位小数` };
      return { ok: true, value: n };
    }
    case 'date': {
      const d = normaliseDate(text);
      return d ? { ok: true, value: d } : { ok: false, message: `「${c.label}」应为日期，如 2024-03-15` };
    }
  }
  return { ok: true, value: undefined };
}

export type ExportCell = string | number | null;

/** A stored value → the cell written on export (the inverse of `parseCell`). */
export function formatCell(c: TemplateColumn, value: unknown): ExportCell {
  if (value === null || value === undefined) return null;
  switch (c.kind) {
    case 'code': {
      const v = String(value);
      return CODE_LISTS[c.list!].find((e) => e.code === v)?.label ?? v;
    }
    case 'codes':
      return (value as string[]).map((v) => CODE_LISTS[c.list!].find((e) => e.code === v)?.label ?? v).join('、') || null;
    case 'bool':
      return value ? '是' : '否';
    case 'int':
    case 'money':
      return Number(value);
    default:
      return String(value);
  }
}

/** A sheet row split into the template's fields, with the cell errors found while parsing. */
export interface ParsedRow {
  values: Record<string, CellValue>;
  errors: { column: string; value: string; message: string }[];
}

/** Parse the mapped cells of one row. `mapping` is column key → 0-based cell index. */
export function parseRow(columns: readonly TemplateColumn[], mapping: Readonly<Record<string, number>>, cells: readonly string[]): ParsedRow {
  const values: Record<string, CellValue> = {};
  const errors: ParsedRow['errors'] = [];
  for (const c of columns) {
    const i = mapping[c.key];
    if (i === undefined || c.kind === 'ignored') continue;
    const raw = cells[i] ?? '';
    const r = parseCell(c, raw);
    if (r.ok) { if (r.value !== undefined) values[c.key] = r.value; }
    else errors.push({ column: c.label, value: raw, message: r.message });
  }
  return { values, errors };
}

/** The explanation sheet of a template: one row per column (列名 / 是否必填 / 填写说明 / 可选值). */
export function templateExplanation(columns: readonly TemplateColumn[]): [string, string, string, string][] {
  const kindNote: Record<CellKind, string> = {
    text: '', code: '', codes: '', bool: '填写“是”或“否”，留空为否', int: '整数', money: '金额（元），最多两位小数', date: '日期，如 2024-03-15', ignored: '',
  };
  return columns.map((c) => [
    c.label,
    c.required ? '必填' : c.kind === 'ignored' ? '不读取' : '选填',
    [c.note, kindNote[c.kind]].filter(Boolean).join('；'),
    c.list ? labelsOf(c.list).join('、') : '',
  ]);
}
