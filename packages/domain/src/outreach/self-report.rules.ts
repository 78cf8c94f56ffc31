/**
 * 一码通 self-reports (农户自主申报, domain.md §4.1): the hardships a farmer can pick, how they map to the registry's
 * 风险类型, the checks on what the farmer typed, the status the farmer sees, and the rate limits of the public page.
 */
import type { WarningState } from '../warning/warning.workflow.js';

export type Hardship = 'illness' | 'accident' | 'disaster' | 'job_loss' | 'schooling' | 'housing' | 'water' | 'other';

export interface HardshipDef {
  code: Hardship;
  label: string;
  /** A plain-words hint under the label on the public page. */
  hint: string;
  /** The registry's 风险类型 code the clue carries. */
  riskType: string;
}

/** In the order the public page shows them. Housing and water are 三保障/饮水 problems, carried as 其他 risk. */
export const HARDSHIPS: readonly HardshipDef[] = [
  { code: 'illness', label: '生病或住院', hint: '家人患大病、慢性病，医疗花费大', riskType: 'illness' },
  { code: 'accident', label: '意外事故', hint: '车祸、工伤等意外受伤', riskType: 'accident' },
  { code: 'disaster', label: '自然灾害', hint: '洪涝、干旱、冰雹、山体滑坡等受灾', riskType: 'disaster_other' },
  { code: 'job_loss', label: '失业或务工不稳', hint: '外出务工没活干、收入明显减少', riskType: 'unstable_employment' },
  { code: 'schooling', label: '上学困难', hint: '孩子上学费用困难或失学辍学', riskType: 'schooling' },
  { code: 'housing', label: '住房不安全', hint: '房屋开裂、漏雨、有倒塌危险', riskType: 'other' },
  { code: 'water', label: '饮水困难', hint: '吃水不够、水质不好或取水太远', riskType: 'other' },
  { code: 'other', label: '其他困难', hint: '其他导致生活困难的情况', riskType: 'other' },
];

export const HARDSHIP_LABELS: Record<Hardship, string> = Object.fromEntries(HARDSHIPS.map((h) => [h.code, h.label])) as Record<Hardship, string>;

export const isHardship = (s: string): s is Hardship => HARDSHIPS.some((h) => h.code === s);

/** The distinct risk types of the picked hardships, in catalogue order. */
export function riskTypesOfHardships(picked: readonly Hardship[]): string[] {
  const out: string[] = [];
  for (const h of HARDSHIPS) if (picked.includes(h.code) && !out.includes(h.riskType)) out.push(h.riskType);
  return out;
}

export const SELF_REPORT_LIMITS = { descriptionMax: 500, photosMax: 3 } as const;

export interface SelfReportInput {
  hardships: readonly string[];
  description: string;
  phone?: string | null;
  photoCount: number;
}

export interface SelfReportFieldError {
  field: 'hardships' | 'description' | 'phone' | 'photos';
  message: string;
}

/** A mainland mobile number (11 digits starting with 1) or a landline (area code + number, optional hyphen). */
const PHONE = /^(1\d{10}|0\d{2,3}-?\d{7,8})$/;

/** Check what the farmer typed; an empty list when it may be submitted. Text length counts characters, not bytes. */
export function checkSelfReport(input: SelfReportInput): SelfReportFieldError[] {
  const errors: SelfReportFieldError[] = [];
  const unknown = input.hardships.filter((h) => !isHardship(h));
  if (input.hardships.length === 0) errors.push({ field: 'hardships', message: '请至少选择一项困难类型' });
  else if (unknown.length) errors.push({ field: 'hardships', message: `困难类型无效：${unknown.join('、')}` });
  const text = input.description.trim();
  const length = [...text].length;
  if (length === 0) errors.push({ field: 'description', message: '请简单描述遇到的困难' });
  else if (length > SELF_REPORT_LIMITS.descriptionMax) errors.push({ field: 'description', message: `情况说明不能超过${SELF_REPORT_LIMITS.descriptionMax}字（当前${length}字）` });
  const phone = (input.phone ?? '').trim();
  if (phone && !PHONE.test(phone)) errors.push({ field: 'phone', message: '联系电话格式不正确（11位手机号或带区号的固定电话）' });
  if (input.photoCount > SELF_REPORT_LIMITS.photosMax) errors.push({ field: 'photos', message: `最多上传${SELF_REPORT_LIMITS.photosMax}张照片` });
  return errors;
}

export type SelfReportStatus = 'submitted' | 'verifying' | 'included' | 'not_included' | 'merged';

export const SELF_REPORT_STATUS_LABELS: Record<SelfReportStatus, string> = {
  submitted: '已提交',
  verifying: '核实中',
  included: '已纳入监测',
  not_included: '不纳入',
  merged: '已合并处理',
};

/** What the farmer sees for the state of the clue their report became. */
export function selfReportStatusOf(state: WarningState): SelfReportStatus {
  switch (state) {
    case 'pushed': return 'submitted';
    case 'verifying': return 'verifying';
    case 'included':
    case 'already_monitored': return 'included';
    case 'not_included': return 'not_included';
    case 'duplicate': return 'merged';
  }
}

// ── rate limits ──────────────────────────────────────────────────────────

export interface SelfReportRateLimits {
  maxPerClient: number;
  maxPerHousehold: number;
  windowMinutes: number;
}

export type RateDecision = { ok: true } | { ok: false; scope: 'client' | 'household'; message: string };

/** The start of the counting window for an instant (ISO string in, ISO string out). */
export function rateWindowStart(at: string, windowMinutes: number): string {
  return new Date(Date.parse(at) - windowMinutes * 60_000).toISOString();
}

const windowText = (minutes: number) => (minutes % 60 === 0 ? `${minutes / 60}小时` : `${minutes}分钟`);

/**
 * Whether one more report may be accepted, given the reports already counted within the window from the same
 * client address and for the same household. The household limit is checked first: it is the one the farmer can act on.
 */
export function selfReportRateDecision(counts: { client: number; household: number }, limits: SelfReportRateLimits): RateDecision {
  const w = windowText(limits.windowMinutes);
  if (counts.household >= limits.maxPerHousehold) {
    return { ok: false, scope: 'household', message: `本户${w}内已提交${counts.household}次申报，已达上限，请稍后再试；急事请直接联系村委会` };
  }
  if (counts.client >= limits.maxPerClient) {
    return { ok: false, scope: 'client', message: `提交过于频繁：同一网络${w}内最多提交${limits.maxPerClient}次，请稍后再试` };
  }
  return { ok: true };
}
