/**
 * 信息比对 matching and dedup decisions (issue 3 §3): a department row is matched by 证件号码 against the registry
 * and, where loaded, the 公安 rural roster; each rule hit then either creates a warning, attaches to an open one, or
 * is skipped because the same file row was already recorded.
 *
 * Decisions documented here:
 * - ID numbers are trimmed, full-width digits/letters folded to half-width and a final x upper-cased before checking.
 *   A 残疾人证 number (20 or 22 digits) is accepted and matched on its first 18 digits (残联 files use it).
 * - An invalid number is listed with the validateIdCard reason in Chinese; it is not fatal to the run. A valid number
 *   found in neither the registry nor the roster is `unmatched` (counted and listed).
 * - The registry wins over the roster; a roster-only person is a 一般农户 not yet in the registry (group `ordinary`).
 * - The subject key used for dedup is the normalised 18-digit ID number, so a roster person who later enters the
 *   registry keeps his open warnings.
 * - Idempotency key = source file SHA-256 + row number + rule code + rule version. Re-running the same file with the
 *   same rules creates nothing; re-running it after a rule edit yields new keys, and those hits then attach to the
 *   person's open warning of the same rule (same code, any version) instead of creating a second one.
 * - Within one run, a person's second hit of the same rule attaches to the warning the first hit creates
 *   (`planWarnings` keeps the run's own state).
 */
import { ID_CARD_MESSAGES, validateDisabilityCard, validateIdCard, type IdCardError, type IdCardOptions } from '../idcard/idcard.rules.js';
import { subjectGroup, type SubjectGroup } from './comparison-rules.js';

export interface RegistryPerson {
  personId: string;
  householdId: string;
  householdType: 'alleviated' | 'ordinary';
  /** The household is currently 监测对象. */
  monitored: boolean;
}

export interface RosterPerson {
  rosterId: string;
}

export interface MatchSources {
  /** Registry lookup by normalised 18-digit ID number. */
  registry: (idNumber: string) => RegistryPerson | null;
  /** 公安 rural roster lookup, when loaded. */
  roster?: (idNumber: string) => RosterPerson | null;
}

export type RowMatch =
  | { kind: 'invalid_id'; raw: string; error: IdCardError; message: string }
  | { kind: 'unmatched'; idNumber: string }
  | { kind: 'matched'; idNumber: string; source: 'registry'; person: RegistryPerson; group: SubjectGroup }
  | { kind: 'matched'; idNumber: string; source: 'roster'; person: RosterPerson; group: 'ordinary' };

export const MATCH_KIND_LABELS: Record<RowMatch['kind'], string> = { invalid_id: '证件号码无效', unmatched: '未匹配到人员', matched: '已匹配' };

/** Trim, fold full-width characters (０-９, Ｘ) to half-width, upper-case x. */
export function normaliseIdNumber(raw: string): string {
  return raw.trim().replace(/[\uFF10-\uFF19\uFF38\uFF58]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).toUpperCase();
}

/** The 18-digit ID number behind a row's 证件号码 (居民身份证 or 残疾人证), or why it is invalid. */
export function rowIdNumber(raw: string, opts: IdCardOptions): { ok: true; idNumber: string } | { ok: false; error: IdCardError; message: string } {
  const id = normaliseIdNumber(raw ?? '');
  const r = id.length === 20 || id.length === 22 ? validateDisabilityCard(id, opts) : validateIdCard(id, opts);
  if (!r.ok) return { ok: false, error: r.error, message: ID_CARD_MESSAGES[r.error] };
  return { ok: true, idNumber: r.value.id.slice(0, 18) };
}

/** Classify a row by its 证件号码: invalid, unmatched, or matched (registry first, then the roster). */
export function matchRow(rawId: string, sources: MatchSources, opts: IdCardOptions): RowMatch {
  const id = rowIdNumber(rawId, opts);
  if (!id.ok) return { kind: 'invalid_id', raw: rawId, error: id.error, message: id.message };
  const person = sources.registry(id.idNumber);
  if (person) return { kind: 'matched', idNumber: id.idNumber, source: 'registry', person, group: subjectGroup(person) };
  const rp = sources.roster?.(id.idNumber);
  if (rp) return { kind: 'matched', idNumber: id.idNumber, source: 'roster', person: rp, group: 'ordinary' };
  return { kind: 'unmatched', idNumber: id.idNumber };
}

/** Rows whose ID number already appeared earlier in the same file: [first row, repeated row, ID]. */
export function duplicateIdRows(rows: readonly { rowNumber: number; idNumber: string }[]): { idNumber: string; firstRow: number; row: number }[] {
  const seen = new DuplicateTracker();
  const out: { idNumber: string; firstRow: number; row: number }[] = [];
  for (const r of rows) {
    const f = seen.see(r.idNumber, r.rowNumber);
    if (f !== null) out.push({ idNumber: r.idNumber, firstRow: f, row: r.rowNumber });
  }
  return out;
}

/** `duplicateIdRows` for a file read row by row: remembers the first row of every ID number seen. */
export class DuplicateTracker {
  private readonly first = new Map<string, number>();
  /** The first row that carried this ID when the row repeats it; null the first time. */
  see(idNumber: string, rowNumber: number): number | null {
    const f = this.first.get(idNumber);
    if (f !== undefined) return f;
    this.first.set(idNumber, rowNumber);
    return null;
  }
  get size(): number {
    return this.first.size;
  }
}

// ── idempotency and dedup ─────────────────────────────────────────────────────────────────────────

const SHA256_RE = /^[0-9a-f]{64}$/;

/** The key of one (file row, rule version) hit: the same file re-run produces the same keys. */
export function hitIdempotencyKey(h: { fileSha256: string; rowNumber: number; ruleCode: string; ruleVersion: number }): string {
  const sha = h.fileSha256.toLowerCase();
  if (!SHA256_RE.test(sha)) throw new Error('fileSha256 must be 64 hex digits');
  if (!Number.isInteger(h.rowNumber) || h.rowNumber < 1) throw new Error('rowNumber must be a positive integer');
  if (!Number.isInteger(h.ruleVersion) || h.ruleVersion < 1) throw new Error('ruleVersion must be a positive integer');
  return `${sha}:${h.rowNumber}:${h.ruleCode}@v${h.ruleVersion}`;
}

export interface RuleHit {
  /** Normalised 18-digit ID number of the subject. */
  subjectId: string;
  ruleCode: string;
  idempotencyKey: string;
}

export interface OpenWarningRef {
  warningId: string;
  subjectId: string;
  ruleCode: string;
}

export interface DedupState {
  /** Whether a hit with this key was already recorded (any earlier run). */
  isRecorded: (idempotencyKey: string) => boolean;
  /** The open warning (pushed or verifying) of this subject and rule, if any. */
  openWarning: (subjectId: string, ruleCode: string) => OpenWarningRef | null;
}

export type HitDecision =
  | { action: 'skip'; reason: 'already_recorded'; idempotencyKey: string }
  | { action: 'attach'; warningId: string; idempotencyKey: string }
  | { action: 'create'; idempotencyKey: string };

export const HIT_DECISION_LABELS: Record<HitDecision['action'], string> = { skip: '已处理过（重复运行），跳过', attach: '并入该人员同一规则的未办结预警', create: '新建预警' };

/** One hit: skip when already recorded, attach to the subject's open warning of the same rule, else create. */
export function decideHit(hit: RuleHit, state: DedupState): HitDecision {
  if (state.isRecorded(hit.idempotencyKey)) return { action: 'skip', reason: 'already_recorded', idempotencyKey: hit.idempotencyKey };
  const open = state.openWarning(hit.subjectId, hit.ruleCode);
  if (open) return { action: 'attach', warningId: open.warningId, idempotencyKey: hit.idempotencyKey };
  return { action: 'create', idempotencyKey: hit.idempotencyKey };
}

export type PlannedDecision = HitDecision & { hit: RuleHit; /** For `create`: the placeholder id later hits of the run attach to. */ newWarningRef?: string };

/**
 * Decisions for a whole run, in row order. Warnings created earlier in the same run count as open, and a key seen
 * earlier in the run counts as recorded. New warnings get placeholder ids `new:1`, `new:2` … the caller replaces.
 */
export function planWarnings(hits: readonly RuleHit[], state: DedupState): PlannedDecision[] {
  const seenKeys = new Set<string>();
  const created = new Map<string, string>();
  const runState: DedupState = {
    isRecorded: (k) => seenKeys.has(k) || state.isRecorded(k),
    openWarning: (s, r) => {
      const id = created.get(`${s}\u0000${r}`);
      return id ? { warningId: id, subjectId: s, ruleCode: r } : state.openWarning(s, r);
    },
  };
  const out: PlannedDecision[] = [];
  for (const hit of hits) {
    const d = decideHit(hit, runState);
    seenKeys.add(hit.idempotencyKey);
    if (d.action === 'create') {
      const ref = `new:${created.size + 1}`;
      created.set(`${hit.subjectId}\u0000${hit.ruleCode}`, ref);
      out.push({ ...d, hit, newWarningRef: ref });
    } else out.push({ ...d, hit });
  }
  return out;
}

export interface RunCounts {
  rows: number;
  invalidIds: number;
  unmatched: number;
  matched: number;
  created: number;
  attached: number;
  skipped: number;
}

/** The counts of a run's report (rows by match kind, hits by decision). */
export function runCounts(matches: readonly RowMatch[], decisions: readonly HitDecision[]): RunCounts {
  const c = new RunCounter();
  matches.forEach((m) => c.addMatch(m));
  decisions.forEach((d) => c.addDecision(d));
  return c.counts();
}

/** `runCounts` for a run read row by row: add each row's match and each hit's decision as they come. */
export class RunCounter {
  private readonly c: RunCounts = { rows: 0, invalidIds: 0, unmatched: 0, matched: 0, created: 0, attached: 0, skipped: 0 };
  addMatch(m: Pick<RowMatch, 'kind'>): void {
    this.c.rows++;
    if (m.kind === 'invalid_id') this.c.invalidIds++;
    else if (m.kind === 'unmatched') this.c.unmatched++;
    else this.c.matched++;
  }
  addDecision(d: Pick<HitDecision, 'action'>): void {
    if (d.action === 'create') this.c.created++;
    else if (d.action === 'attach') this.c.attached++;
    else this.c.skipped++;
  }
  counts(): RunCounts {
    return { ...this.c };
  }
}
