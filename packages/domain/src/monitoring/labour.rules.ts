/**
 * 劳动能力 of a household, read from its members' recorded 劳动技能 (domain.md §2). Used by the rule "labour
 * capacity ⇒ at least one 开发式 measure" (§6) and by the no-labour-capacity rule of risk elimination (§7).
 *
 * Decisions documented here:
 * - A member counts as labour when the recorded skill is 技能劳动力, 普通劳动力 or 弱劳动力或半劳动力, the member is
 *   not a student, and — when the birth date is known — is at least 16 on the day. There is no upper age: older
 *   farmers recorded as 普通劳动力 do work; a mismatch is the data-quality checks' business, not this rule's.
 * - Each caller decides in the household's favour: for 开发式 measures, labour exists when any member counts; for
 *   risk elimination, the household is without labour when no member counts OR it is flagged 整户无劳动能力兜底保障户.
 */
import { ageOn } from '../idcard/idcard.rules.js';
import { LABOUR_CAPABLE_SKILLS } from '../household/code-lists.js';

export const LABOUR_MIN_AGE = 16;

export interface LabourMember {
  labourSkill: string | null;
  /** YYYY-MM-DD, when known. */
  birthDate?: string | null;
  /** 在校生 (any level): a student is not counted as labour. */
  inSchool?: boolean;
}

export function isLabourCapable(m: LabourMember, today: string): boolean {
  if (!m.labourSkill || !LABOUR_CAPABLE_SKILLS.includes(m.labourSkill)) return false;
  if (m.inSchool) return false;
  if (m.birthDate && ageOn(m.birthDate, today) < LABOUR_MIN_AGE) return false;
  return true;
}

export function countLabourCapable(members: readonly LabourMember[], today: string): number {
  return members.filter((m) => isLabourCapable(m, today)).length;
}
