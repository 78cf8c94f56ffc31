/**
 * GB 11643-1999 居民身份证号码 validation, and the 残疾人证 number form
 * (18-digit ID + 残疾类别 1-7 + 残疾等级 1-4, written with a 2-digit suffix "类别等级"
 * → 20 digits, or with a 4-digit suffix "0类别0等级" → 22 digits).
 * Pure: the only time input is `today`, injected by the caller.
 */

export type IdCardError =
  | 'format'
  | 'check_digit'
  | 'birth_date'
  | 'birth_in_future'
  | 'area_prefix'
  | 'disability_category'
  | 'disability_grade';

export interface IdCardInfo {
  id: string;
  birthDate: string; // YYYY-MM-DD
  sex: 'male' | 'female';
  areaPrefix: string; // 6 digits
}

export interface DisabilityCardInfo extends IdCardInfo {
  disabilityCategory: number; // 1-7
  disabilityGrade: number; // 1-4
}

export type Result<T, E> = { ok: true; value: T } | { ok: false; error: E };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

export const ID_CARD_MESSAGES: Record<IdCardError, string> = {
  format: '证件号码应为18位，前17位为数字，最后一位为数字或X',
  check_digit: '身份证号码校验位错误',
  birth_date: '身份证号码中的出生日期不存在',
  birth_in_future: '身份证号码中的出生日期晚于今天',
  area_prefix: '身份证号码前6位不是有效的行政区划代码',
  disability_category: '残疾人证号码中的残疾类别应为1-7',
  disability_grade: '残疾人证号码中的残疾等级应为1-4',
};

/** The GB 11643 check character for the first 17 digits. */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= days[m - 1]!;
}

export interface IdCardOptions {
  /** Today's date as YYYY-MM-DD (injected clock). */
  today: string;
  /** Returns true when the 6-digit prefix is a known area code (or a plausible one). Optional. */
  isKnownAreaPrefix?: (prefix: string) => boolean;
}

/** Validate an 18-digit 居民身份证号码. Lower-case x is accepted and normalised to X. */
export function validateIdCard(raw: string, opts: IdCardOptions): Result<IdCardInfo, IdCardError> {
  const id = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, error: 'format' };
  const prefix = id.slice(0, 6);
  // Province codes run 11-82; a prefix ending in 0000 is a province, not a county.
  const province = Number(id.slice(0, 2));
  if (province < 11 || province > 82 || (opts.isKnownAreaPrefix && !opts.isKnownAreaPrefix(prefix))) {
    return { ok: false, error: 'area_prefix' };
  }
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  if (y < 1880 || !isRealDate(y, m, d)) return { ok: false, error: 'birth_date' };
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (birthDate > opts.today) return { ok: false, error: 'birth_in_future' };
  if (idCheckChar(id.slice(0, 17)) !== id[17]) return { ok: false, error: 'check_digit' };
  const sex = Number(id[16]) % 2 === 1 ? 'male' : 'female';
  return { ok: true, value: { id, birthDate, sex, areaPrefix: prefix } };
}

/** Validate a 残疾人证号码 (20 or 22 digits). */
export function validateDisabilityCard(raw: string, opts: IdCardOptions): Result<DisabilityCardInfo, IdCardError> {
  const s = raw.trim().toUpperCase();
  let category: number;
  let grade: number;
  if (/^\d{17}[\dX]\d{2}$/.test(s)) {
    category = Number(s[18]);
    grade = Number(s[19]);
  } else if (/^\d{17}[\dX]\d{4}$/.test(s)) {
    if (s[18] !== '0' || s[20] !== '0') return { ok: false, error: 'format' };
    category = Number(s[19]);
    grade = Number(s[21]);
  } else {
    return { ok: false, error: 'format' };
  }
  const base = validateIdCard(s.slice(0, 18), opts);
  if (!base.ok) return base;
  if (category < 1 || category > 7) return { ok: false, error: 'disability_category' };
  if (grade < 1 || grade > 4) return { ok: false, error: 'disability_grade' };
  return { ok: true, value: { ...base.value, disabilityCategory: category, disabilityGrade: grade } };
}

/** Age in whole years on `today` (YYYY-MM-DD). */
export function ageOn(birthDate: string, today: string): number {
  const by = Number(birthDate.slice(0, 4));
  const ty = Number(today.slice(0, 4));
  return ty - by - (today.slice(5) < birthDate.slice(5) ? 1 : 0);
}

/** Build a valid ID number from area prefix, birth date (YYYYMMDD) and 3-digit sequence (odd = male). */
export function makeIdCard(areaPrefix: string, birthYmd: string, seq: number): string {
  const first17 = `${areaPrefix}${birthYmd}${String(seq).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}
