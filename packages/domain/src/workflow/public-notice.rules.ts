/**
 * 村内公示 and 结果公告 (domain.md §5, §11; issue 4 §3): the notice is built from the cases of a review batch and
 * must not show ID numbers, phones, bank accounts or health details. It shows: village / 村民小组, the head's name,
 * household size, category, and the reason in general words. A pure scanner is the last check before printing.
 *
 * Decisions documented here:
 * - The head's name is shown in full by default: the point of 公示 is that villagers can recognise the household and
 *   object, and domain.md lists the name among neither the masked nor the forbidden data. `nameStyle: 'masked'`
 *   (张*丰) is available where a county decides otherwise.
 * - The reason is never the risk type itself: 因病, 因残 … would disclose a member's health. It is the policy's
 *   general wording — 刚性支出较大 (illness, disability, schooling, accident), 收入大幅缩减 (disasters, failed
 *   business, unstable work), 缺劳动力, 其他困难 — and a county may supply its own words.
 * - Rows are built by picking fields, so nothing else of a case can reach the notice; the whole text is then
 *   scanned anyway (a name typed with an ID number in it is caught). The contact phone given for objections is the
 *   one number allowed.
 * - The scanner reads full-width digits as digits and numbers written in groups (138 1234 5678, 6222 0200 …). A
 *   maximal digit run is classed by length: 11 digits from 13x-19x = mobile; 15 digits, 18 (last may be X) with a
 *   plausible birth date, or 20/22 digits that start with one = ID number (also 残疾人证); any other run of 16 or
 *   more digits = bank card or account. A 12-digit area code or a date passes. A 16-digit 户编号 is flagged too
 *   (it does not belong on a notice either).
 * - Health words (大病, 慢性病, 残疾, 诊断 …) are flagged as `health_detail`.
 */
import { labelOf } from '../household/code-lists.js';
import { maskIdNumber, maskPhone } from '../shared/mask.rules.js';
import { DEFAULT_DEADLINE_CONFIG, publicityPeriod, type DeadlineConfig, type PublicityPeriod } from './deadline.rules.js';

export type NoticeKind = 'identification_publicity' | 'identification_result' | 'elimination_publicity' | 'elimination_result';

export const NOTICE_KIND_LABELS: Record<NoticeKind, string> = {
  identification_publicity: '防止返贫监测对象识别纳入公示',
  identification_result: '防止返贫监测对象识别纳入结果公告',
  elimination_publicity: '防止返贫监测对象风险消除公示',
  elimination_result: '防止返贫监测对象风险消除结果公告',
};

/** Risk type → the general words a notice shows (policy wording: 刚性支出较大或收入大幅缩减). */
export const NOTICE_REASON_WORDS: Readonly<Record<string, string>> = {
  illness: '刚性支出较大',
  disability: '刚性支出较大',
  schooling: '刚性支出较大',
  accident: '刚性支出较大',
  disaster_flood: '收入大幅缩减',
  disaster_geological: '收入大幅缩减',
  disaster_drought: '收入大幅缩减',
  disaster_biological: '收入大幅缩减',
  disaster_weather: '收入大幅缩减',
  disaster_earthquake: '收入大幅缩减',
  disaster_other: '收入大幅缩减',
  industry_failure: '收入大幅缩减',
  unstable_employment: '收入大幅缩减',
  lack_of_labour: '缺劳动力',
  other: '其他困难',
};

/** What a notice may take from a case. Anything else the caller has stays out. */
export interface NoticeCase {
  villageName: string;
  /** 村民小组, e.g. 第三组. */
  groupName?: string | null;
  headName: string;
  householdSize: number;
  monitorCategory: string | null;
  riskTypes: readonly string[];
  /** 风险消除 notices: the proposed or decided method. */
  eliminationMethod?: string | null;
}

export interface NoticeRow {
  seq: number;
  village: string;
  group: string;
  headName: string;
  householdSize: number;
  category: string;
  reason: string;
  method: string;
}

export interface NoticeColumn {
  key: keyof NoticeRow;
  title: string;
}

export interface NoticeOptions {
  nameStyle?: 'full' | 'masked';
  reasonWords?: Readonly<Record<string, string>>;
}

const COMPOUND_SURNAMES = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '令狐', '慕容', '宇文', '长孙', '司徒', '夏侯', '轩辕', '端木', '独孤', '南宫', '西门', '万俟', '闻人', '澹台', '公冶', '申屠', '太史', '钟离'];

/** 张三 → 张*, 张三丰 → 张*丰, 欧阳娜娜 → 欧阳*娜: the surname and the last character stay. */
export function maskGivenName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return chars.join('');
  const surname = chars.length > 2 && COMPOUND_SURNAMES.includes(chars.slice(0, 2).join('')) ? 2 : 1;
  const given = chars.slice(surname);
  if (given.length === 1) return `${chars.slice(0, surname).join('')}*`;
  return `${chars.slice(0, surname).join('')}${'*'.repeat(given.length - 1)}${given[given.length - 1]}`;
}

/** The reason in general words, each once, in the order of the risk types. */
export function noticeReason(riskTypes: readonly string[], words: Readonly<Record<string, string>> = NOTICE_REASON_WORDS): string {
  const out = [...new Set(riskTypes.map((r) => words[r] ?? words.other ?? '其他困难'))];
  return out.join('、');
}

/** Row-level problems with the cases (empty when the rows can be built). */
export function checkNoticeCases(cases: readonly NoticeCase[]): string[] {
  const problems: string[] = [];
  if (!cases.length) problems.push('没有可公示的户');
  cases.forEach((c, i) => {
    const at = `第${i + 1}户`;
    if (!c.headName?.trim()) problems.push(`${at}：户主姓名为空`);
    if (!c.villageName?.trim()) problems.push(`${at}：村名为空`);
    if (!Number.isInteger(c.householdSize) || c.householdSize < 1) problems.push(`${at}：家庭人口应为正整数`);
  });
  return problems;
}

/** The notice rows, in the order given (the caller sorts). */
export function buildNoticeRows(cases: readonly NoticeCase[], opts: NoticeOptions = {}): NoticeRow[] {
  return cases.map((c, i) => ({
    seq: i + 1,
    village: c.villageName.trim(),
    group: c.groupName?.trim() ?? '',
    headName: opts.nameStyle === 'masked' ? maskGivenName(c.headName) : c.headName.trim(),
    householdSize: c.householdSize,
    category: labelOf('monitorCategory', c.monitorCategory),
    reason: noticeReason(c.riskTypes, opts.reasonWords),
    method: labelOf('eliminationMethod', c.eliminationMethod),
  }));
}

/** The columns for a kind; the village column only when the rows span several villages. */
export function noticeColumns(kind: NoticeKind, rows: readonly NoticeRow[]): NoticeColumn[] {
  const cols: NoticeColumn[] = [{ key: 'seq', title: '序号' }];
  if (new Set(rows.map((r) => r.village)).size > 1) cols.push({ key: 'village', title: '村' });
  if (rows.some((r) => r.group)) cols.push({ key: 'group', title: '村民小组' });
  cols.push({ key: 'headName', title: '户主姓名' }, { key: 'householdSize', title: '家庭人口' }, { key: 'category', title: '监测对象类别' });
  if (kind.startsWith('identification')) cols.push({ key: 'reason', title: '主要困难' });
  else cols.push({ key: 'reason', title: '原主要困难' }, { key: 'method', title: kind === 'elimination_publicity' ? '拟消除方式' : '消除方式' });
  return cols;
}

export interface NoticeInput {
  kind: NoticeKind;
  /** Who posts it, e.g. 南召县云阳镇. */
  townshipName: string;
  /** The village committee posting it (for a township-wide result notice, the township). */
  issuerName: string;
  postedOn: string;
  cases: readonly NoticeCase[];
  /** Where objections go (phone of the village committee or the township): the one number allowed on the notice. */
  contactPhone?: string | null;
  options?: NoticeOptions;
  deadlines?: DeadlineConfig;
}

export interface PublicNotice {
  kind: NoticeKind;
  title: string;
  intro: string;
  columns: NoticeColumn[];
  rows: NoticeRow[];
  /** 公示 only: the printed period and the first day the next step may be done. */
  period: PublicityPeriod | null;
  footer: string;
  households: number;
  persons: number;
  /** The whole notice as plain text (what is scanned, and what a text export prints). */
  text: string;
}

export type NoticeResult =
  | { ok: true; notice: PublicNotice }
  | { ok: false; problems: string[]; findings: SensitiveFinding[]; message: string };

/** Build a 公示 or 公告 from the cases of a batch; refused when a case is incomplete or the text leaks a number. */
export function buildPublicNotice(i: NoticeInput): NoticeResult {
  const problems = checkNoticeCases(i.cases);
  if (problems.length) return { ok: false, problems, findings: [], message: problems.join('；') };
  const rows = buildNoticeRows(i.cases, i.options);
  const columns = noticeColumns(i.kind, rows);
  const households = rows.length;
  const persons = rows.reduce((s, r) => s + r.householdSize, 0);
  const isPublicity = i.kind.endsWith('publicity');
  const period = isPublicity ? publicityPeriod(i.postedOn, i.deadlines ?? DEFAULT_DEADLINE_CONFIG) : null;
  const title = `${i.issuerName}${NOTICE_KIND_LABELS[i.kind]}`;
  const objection = `如有异议，请于公示期内向${i.issuerName}或${i.townshipName}人民政府反映${i.contactPhone ? `，联系电话：${i.contactPhone}` : ''}。`;
  const intro = {
    identification_publicity: `经入户核实、信息比对和村级民主评议，拟将以下 ${households} 户 ${persons} 人纳入防止返贫监测对象，现予公示。公示期：${period?.from} 至 ${period?.to}。${objection}`,
    identification_result: `经村级民主评议、村内公示、乡镇审核和县级审批，以下 ${households} 户 ${persons} 人纳入防止返贫监测对象，现予公告。`,
    elimination_publicity: `经入户核实和村级评议，以下 ${households} 户 ${persons} 人拟标注风险消除，现予公示。公示期：${period?.from} 至 ${period?.to}。${objection}`,
    elimination_result: `经村级评议、村内公示、乡镇审核和县级审批，以下 ${households} 户 ${persons} 人标注风险消除，现予公告。`,
  }[i.kind];
  const footer = `${i.issuerName}　${i.postedOn}`;
  const lines = [title, intro, columns.map((c) => c.title).join('\t'), ...rows.map((r) => columns.map((c) => String(r[c.key])).join('\t')), footer];
  const text = lines.join('\n');
  const check = checkNoticeText(text, { allow: i.contactPhone ? [i.contactPhone] : [] });
  if (!check.ok) return { ok: false, problems: [], findings: check.findings, message: check.message! };
  return { ok: true, notice: { kind: i.kind, title, intro, columns, rows, period, footer, households, persons, text } };
}

// ── the scanner ────────────────────────────────────────────────────────────────────────────────

export type SensitiveKind = 'id_number' | 'mobile' | 'bank_card' | 'health_detail';

export const SENSITIVE_KIND_LABELS: Record<SensitiveKind, string> = {
  id_number: '身份证号码',
  mobile: '手机号码',
  bank_card: '银行卡号或账号',
  health_detail: '健康状况信息',
};

export interface SensitiveFinding {
  kind: SensitiveKind;
  /** Position in the text (UTF-16 code units), end exclusive. */
  start: number;
  end: number;
  /** The finding masked, safe to show in the message. */
  masked: string;
}

/** Health words a notice must not carry. */
export const HEALTH_TERMS: readonly string[] = [
  '患有大病', '大病', '慢性病', '残疾', '病情', '诊断', '住院', '手术', '透析', '癌', '白血病', '尿毒症', '瘫痪', '精神病', '智力障碍',
];

/** Full-width digits, X, hyphen and space to ASCII (one code unit each, so positions are kept). */
function normalise(text: string): string {
  return text.replace(/[\uFF10-\uFF19\uFF38\uFF58\uFF0D\u3000]/g, (ch) => {
    const c = ch.charCodeAt(0);
    if (c >= 0xff10 && c <= 0xff19) return String.fromCharCode(c - 0xff10 + 48);
    if (c === 0xff38 || c === 0xff58) return 'X';
    return c === 0xff0d ? '-' : ' ';
  });
}

const plausibleBirth = (d: string) => {
  const y = Number(d.slice(0, 4));
  const m = Number(d.slice(4, 6));
  const day = Number(d.slice(6, 8));
  return y >= 1900 && y <= 2099 && m >= 1 && m <= 12 && day >= 1 && day <= 31;
};

/** The kind of a digit string (separators removed), or null when it is harmless. */
export function classifyNumber(digits: string): Exclude<SensitiveKind, 'health_detail'> | null {
  const d = digits.toUpperCase();
  const endsX = d.endsWith('X');
  if (endsX && d.length !== 18) return null;
  const n = d.length;
  if (n === 11 && /^1[3-9]/.test(d)) return 'mobile';
  if (n === 13 && /^861[3-9]/.test(d)) return 'mobile';
  if (n === 15) return 'id_number';
  if (n === 18 && (endsX || plausibleBirth(d.slice(6, 14)))) return 'id_number';
  if ((n === 20 || n === 22) && plausibleBirth(d.slice(6, 14))) return 'id_number';
  if (n >= 16) return 'bank_card';
  return null;
}

const PATTERNS: readonly RegExp[] = [
  /(?<![0-9])[0-9]+X?(?![0-9])/g, // a plain run
  /(?<![0-9])1[3-9][0-9][ -][0-9]{4}[ -][0-9]{4}(?![0-9])/g, // mobile 3-4-4
  /(?<![0-9])[0-9]{6}[ -][0-9]{8}[ -][0-9]{3}[0-9X](?![0-9])/g, // ID 6-8-4
  /(?<![0-9])[0-9]{4}(?:[ -][0-9]{4}){2,5}(?:[ -][0-9]{1,3}X?)?(?![0-9])/g, // groups of four (card, or ID)
];

function maskFor(kind: SensitiveKind, digits: string): string {
  if (kind === 'mobile') return maskPhone(digits.slice(-11)) ?? '';
  return maskIdNumber(digits) ?? '';
}

/** Every ID number, mobile number, bank-card-like number and health word in the text. */
export function scanSensitive(text: string, opts: { allow?: readonly string[] } = {}): SensitiveFinding[] {
  const t = normalise(text).replace(/x/g, 'X');
  const allowed = new Set((opts.allow ?? []).map((a) => normalise(a).replace(/[^0-9X]/gi, '').toUpperCase()));
  const found: SensitiveFinding[] = [];
  for (const re of PATTERNS) {
    for (const m of t.matchAll(re)) {
      const digits = m[0].replace(/[ -]/g, '');
      const kind = classifyNumber(digits);
      if (!kind || allowed.has(digits) || (kind === 'mobile' && allowed.has(digits.slice(-11)))) continue;
      found.push({ kind, start: m.index!, end: m.index! + m[0].length, masked: maskFor(kind, digits) });
    }
  }
  for (const term of HEALTH_TERMS) {
    for (let at = t.indexOf(term); at >= 0; at = t.indexOf(term, at + term.length)) {
      found.push({ kind: 'health_detail', start: at, end: at + term.length, masked: term });
    }
  }
  // Keep the widest finding where findings overlap (a grouped card contains plain runs that may match too).
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: SensitiveFinding[] = [];
  for (const f of found) {
    const last = out[out.length - 1];
    if (last && f.start < last.end) continue;
    out.push(f);
  }
  return out;
}

/** The last check before printing: ok, or the findings and a message naming them (masked). */
export function checkNoticeText(text: string, opts: { allow?: readonly string[] } = {}): { ok: boolean; findings: SensitiveFinding[]; message: string | null } {
  const findings = scanSensitive(text, opts);
  if (!findings.length) return { ok: true, findings, message: null };
  const list = findings.map((f) => `${SENSITIVE_KIND_LABELS[f.kind]}（${f.masked}）`).join('、');
  return { ok: false, findings, message: `公示公告中发现 ${findings.length} 处不得公开的信息：${list}。请删除后再打印` };
}
