/**
 * The reading half of a comparison run: stream the file's rows, match each by 证件号码 (the domain's ID rules over
 * the compact `SubjectIndex` of the registry and the roster), evaluate every active rule of the family
 * (`evaluateRule`) and collect the hits and the row issues. No database: the run service loads the subjects before and
 * writes the results after, so a file that breaks half-way writes nothing.
 *
 * Repeated records: a claims file (医保) normally carries the same person on many rows. Every row is still matched
 * and evaluated (each can raise a hit), and `duplicates` counts the rows that repeat an earlier row's ID; the issue
 * list carries ONE entry per repeated ID, at the row of its first repeat, naming the count and the rows (the first
 * `LISTED_ROWS` of them), e.g. 「与第2行证件号码重复（同一人在文件中共出现3次：第2、8、15行）」. Invalid and unmatched rows
 * are listed one by one.
 *
 * Per row the common case allocates nothing: the ID is checked and keyed by `fastIdNumber` (falling back to the
 * domain's `rowIdNumber` for anything unusual), looked up in typed-array hash tables, and the rule sees one reused
 * row object. The event loop is never held long: rows are handled in slices and the loop yields (`setImmediate`)
 * whenever a slice has run for `sliceMs`.
 */
import { performance } from 'node:perf_hooks';
import {
  RULE_FIELDS, RunCounter, evaluateRule, rowIdNumber,
  type ComparisonRule, type DataRow, type RegistryPerson, type SubjectGroup, type Trigger,
} from '@shouwang/domain';
import { IdTable, NumList, SubjectIndex, fastIdNumber, idKey, idKeyAt, ymdNumber } from './comparison.subjects.js';

export interface TabularRowLike {
  rowNumber: number;
  cells: string[];
}

export type IssueKind = 'invalid_id' | 'unmatched' | 'duplicate' | 'missing_data';

export interface RowIssue {
  rowNumber: number;
  kind: IssueKind;
  /** The ID as written (invalid) or normalised (others). */
  idNumber: string | null;
  name: string | null;
  message: string;
}

export interface EngineHit {
  rowNumber: number;
  idNumber: string;
  /** 姓名 as written in the file (may be empty). */
  fileName: string | null;
  subject: { source: 'registry'; person: RegistryPerson } | { source: 'roster'; rosterId: string };
  group: SubjectGroup;
  rule: ComparisonRule;
  riskTypes: string[];
  triggers: Trigger[];
  explanation: string;
}

export interface EngineResult {
  counter: RunCounter;
  rowsRead: number;
  duplicates: number;
  missingDataRows: number;
  hits: EngineHit[];
  issues: RowIssue[];
}

export interface EngineInput {
  rows: AsyncIterable<TabularRowLike[]>;
  /** Column key → 0-based cell index (checkHeaders' mapping): idNumber, name, and the family's fields. */
  mapping: Record<string, number>;
  rules: readonly ComparisonRule[];
  /** Registry persons (first) and roster persons the rows are matched against. */
  subjects: SubjectIndex;
  today: string;
  /** Called after each batch with the rows read so far. */
  onProgress?: (rowsRead: number) => void | Promise<void>;
  sliceMs?: number;
}

export const yieldToLoop = () => new Promise<void>((r) => setImmediate(r));

const UNMATCHED_MESSAGE = '未匹配到人员（不在农户台账和农村人口底册中）';
/** How many row numbers a repeated-ID issue lists (the count is always complete). */
export const LISTED_ROWS = 20;

const MATCH_INVALID = { kind: 'invalid_id' } as const;
const MATCH_UNMATCHED = { kind: 'unmatched' } as const;
const MATCH_MATCHED = { kind: 'matched' } as const;

/** The ID number string of a key (`idKeyAt` / `fastIdNumber`). */
function idOfKey(hi: number, lo: number): string {
  const check = lo % 11;
  return String(hi).padStart(9, '0') + String((lo - check) / 11).padStart(8, '0') + (check === 10 ? 'X' : String(check));
}

/** A copy of a cell that does not keep the whole decoded chunk alive (V8 slices of ≥ 13 characters share it). */
const detach = (s: string) => (s.length < 13 ? s : (' ' + s).slice(1));

/**
 * Repeated IDs of a file by dense ID number (the subject number for matched IDs, numbers after the subjects for
 * unmatched ones): per number the first row, the count and a backwards-linked list of the repeating rows — typed
 * arrays only.
 */
class RepeatTracker {
  private firstRow: Int32Array;
  private count: Int32Array;
  private lastRep: Int32Array;
  private readonly repRow = new NumList(new Int32Array(1 << 16), (n) => new Int32Array(n));
  private readonly repPrev = new NumList(new Int32Array(1 << 16), (n) => new Int32Array(n));
  /** Numbers of the IDs that repeat, in the order of their first repeat, with that row and its name. */
  readonly repeated: { n: number; hi: number; lo: number; row: number; name: string | null }[] = [];

  constructor(expected: number) {
    this.firstRow = new Int32Array(expected);
    this.count = new Int32Array(expected);
    this.lastRep = new Int32Array(expected);
  }

  private ensure(n: number): void {
    if (n < this.firstRow.length) return;
    const cap = Math.max(n + 1, this.firstRow.length * 2);
    const grow = (a: Int32Array) => { const b = new Int32Array(cap); b.set(a); return b; };
    this.firstRow = grow(this.firstRow);
    this.count = grow(this.count);
    this.lastRep = grow(this.lastRep);
  }

  /**
   * Record a row of ID number `n`: 0 = first row of the ID, 1 = a repeat, 2 = its first repeat (the caller then sets
   * the name of that row with `nameFirstRepeat`).
   */
  see(n: number, hi: number, lo: number, rowNumber: number): 0 | 1 | 2 {
    this.ensure(n);
    const c = ++this.count[n]!;
    if (c === 1) {
      this.firstRow[n] = rowNumber;
      this.lastRep[n] = -1;
      return 0;
    }
    const prev = this.lastRep[n]!;
    this.lastRep[n] = this.repRow.push(rowNumber);
    this.repPrev.push(prev);
    if (c === 2) {
      this.repeated.push({ n, hi, lo, row: rowNumber, name: null });
      return 2;
    }
    return 1;
  }

  nameFirstRepeat(name: string | null): void {
    this.repeated[this.repeated.length - 1]!.name = name;
  }

  /** One issue per repeated ID (see the module note). */
  issues(): RowIssue[] {
    return this.repeated.map((r) => {
      const total = this.count[r.n]!;
      const rows: number[] = [];
      for (let k = this.lastRep[r.n]!; k >= 0; k = this.repPrev.data[k]!) rows.push(this.repRow.data[k]!);
      rows.push(this.firstRow[r.n]!);
      rows.reverse();
      const listed = rows.length > LISTED_ROWS ? `${rows.slice(0, LISTED_ROWS).join('、')}等` : rows.join('、');
      return {
        rowNumber: r.row, kind: 'duplicate' as const, idNumber: idOfKey(r.hi, r.lo), name: r.name,
        message: `与第${rows[0]}行证件号码重复（同一人在文件中共出现${total}次：第${listed}行）`,
      };
    });
  }
}

const nameOf = (cells: string[], nameIdx: number | undefined) => (nameIdx === undefined ? null : (cells[nameIdx]?.trim() || null));

export async function runEngine(input: EngineInput): Promise<EngineResult> {
  const { mapping, rules, subjects, today } = input;
  const sliceMs = input.sliceMs ?? 15;
  const idIdx = mapping.idNumber!;
  const nameIdx = mapping.name;
  const fieldKeys = Object.keys(mapping).filter((k) => k !== 'idNumber' && k !== 'name');
  const fieldIdx = fieldKeys.map((k) => mapping[k]!);
  const opts = { today };
  const todayYmd = ymdNumber(today);
  const counter = new RunCounter();
  const repeats = new RepeatTracker(subjects.size + 1024);
  /** Valid IDs found in neither source: their dense numbers follow the subjects'. */
  const unmatchedIds = new IdTable(1024);
  const hits: EngineHit[] = [];
  const issues: RowIssue[] = [];
  /** One row object reused for every row (the rules read it and keep nothing of it). */
  const row: Record<string, string> = {};
  for (const k of fieldKeys) row[k] = '';
  const groupSubject: Record<SubjectGroup, { group: SubjectGroup }> = { alleviated: { group: 'alleviated' }, monitored: { group: 'monitored' }, ordinary: { group: 'ordinary' } };
  let rowsRead = 0;
  let duplicates = 0;
  let missingDataRows = 0;
  let sliceStart = performance.now();

  for await (const batch of input.rows) {
    for (let i = 0; i < batch.length; i++) {
      const r = batch[i]!;
      const cells = r.cells;
      rowsRead++;
      const rawId = cells[idIdx] ?? '';
      if (!fastIdNumber(rawId, todayYmd)) {
        const id = rowIdNumber(rawId, opts);
        if (!id.ok) {
          counter.addMatch(MATCH_INVALID);
          const written = rawId.trim();
          issues.push({ rowNumber: r.rowNumber, kind: 'invalid_id', idNumber: written ? detach(written) : null, name: nameOf(cells, nameIdx), message: written ? `证件号码无效：${id.message}` : '证件号码为空' });
          continue;
        }
        idKeyAt(id.idNumber, 0);
      }
      const hi = idKey.hi;
      const lo = idKey.lo;
      const subject = subjects.find(hi, lo);
      const seen = repeats.see(subject >= 0 ? subject : subjects.size + unmatchedIds.add(hi, lo, unmatchedIds.size), hi, lo, r.rowNumber);
      if (seen !== 0) {
        duplicates++;
        if (seen === 2) repeats.nameFirstRepeat(nameOf(cells, nameIdx));
      }
      if (subject < 0) {
        counter.addMatch(MATCH_UNMATCHED);
        issues.push({ rowNumber: r.rowNumber, kind: 'unmatched', idNumber: idOfKey(hi, lo), name: nameOf(cells, nameIdx), message: UNMATCHED_MESSAGE });
      } else {
        counter.addMatch(MATCH_MATCHED);
        const group = subjects.group(subject);
        for (let k = 0; k < fieldKeys.length; k++) row[fieldKeys[k]!] = cells[fieldIdx[k]!] ?? '';
        let missing: string[] | null = null;
        for (const rule of rules) {
          const ev = evaluateRule(rule, groupSubject[group], row as DataRow);
          if (ev.hit) {
            hits.push({
              rowNumber: r.rowNumber, idNumber: idOfKey(hi, lo), fileName: nameOf(cells, nameIdx),
              subject: subjects.isRegistry(subject) ? { source: 'registry', person: subjects.registryPerson(subject) } : { source: 'roster', rosterId: String(subjects.rosterId(subject)) },
              group, rule, riskTypes: ev.riskTypes, triggers: ev.triggers, explanation: ev.explanation,
            });
          } else if (ev.reason === 'missing_data') (missing ??= []).push(`规则「${rule.label}」缺少数据：${ev.missingFields.map((f) => fieldLabel(rule, f)).join('、')}`);
        }
        if (missing) {
          missingDataRows++;
          issues.push({ rowNumber: r.rowNumber, kind: 'missing_data', idNumber: idOfKey(hi, lo), name: nameOf(cells, nameIdx), message: missing.join('；') });
        }
      }
      if ((i & 255) === 255 && performance.now() - sliceStart > sliceMs) {
        await yieldToLoop();
        sliceStart = performance.now();
      }
    }
    await input.onProgress?.(rowsRead);
    if (performance.now() - sliceStart > sliceMs) {
      await yieldToLoop();
      sliceStart = performance.now();
    }
  }
  for (const x of repeats.issues()) issues.push(x);
  return { counter, rowsRead, duplicates, missingDataRows, hits, issues };
}

/** A missing field by its catalogue label (阈值 for a missing threshold). */
function fieldLabel(rule: ComparisonRule, f: string): string {
  if (f.startsWith('threshold:')) return `阈值「${f.slice('threshold:'.length)}」`;
  return `「${RULE_FIELDS[rule.family][f]?.label ?? f}」`;
}
