/**
 * The reading half of a comparison run: stream the file's rows, match each by 证件号码 (domain `matchRow` over
 * in-memory maps of the registry and the roster), evaluate every active rule of the family (`evaluateRule`) and
 * collect the hits and the row issues. No database: the run service loads the maps before and writes the results
 * after, so a file that breaks half-way writes nothing.
 *
 * The event loop is never held long: rows are handled in slices and the loop yields (`setImmediate`) whenever a
 * slice has run for `sliceMs`.
 */
import { performance } from 'node:perf_hooks';
import {
  DuplicateTracker, RULE_FIELDS, RunCounter, evaluateRule, matchRow,
  type ComparisonRule, type DataRow, type MatchSources, type RegistryPerson, type RowMatch, type SubjectGroup, type Trigger,
} from '@shouwang/domain';

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
  sources: MatchSources;
  today: string;
  /** Called after each batch with the rows read so far. */
  onProgress?: (rowsRead: number) => void | Promise<void>;
  sliceMs?: number;
}

export const yieldToLoop = () => new Promise<void>((r) => setImmediate(r));

const UNMATCHED_MESSAGE = '未匹配到人员（不在农户台账和农村人口底册中）';

export async function runEngine(input: EngineInput): Promise<EngineResult> {
  const { mapping, rules, sources, today } = input;
  const sliceMs = input.sliceMs ?? 15;
  const idIdx = mapping.idNumber!;
  const nameIdx = mapping.name;
  const fieldIdx = Object.entries(mapping).filter(([k]) => k !== 'idNumber' && k !== 'name');
  const opts = { today };
  const counter = new RunCounter();
  const dups = new DuplicateTracker();
  const hits: EngineHit[] = [];
  const issues: RowIssue[] = [];
  let rowsRead = 0;
  let duplicates = 0;
  let missingDataRows = 0;
  let sliceStart = performance.now();

  for await (const batch of input.rows) {
    for (let i = 0; i < batch.length; i++) {
      const r = batch[i]!;
      rowsRead++;
      const rawId = r.cells[idIdx] ?? '';
      const name = nameIdx === undefined ? null : (r.cells[nameIdx]?.trim() || null);
      const m: RowMatch = matchRow(rawId, sources, opts);
      counter.addMatch(m);
      if (m.kind === 'invalid_id') {
        issues.push({ rowNumber: r.rowNumber, kind: 'invalid_id', idNumber: rawId.trim() || null, name, message: rawId.trim() ? `证件号码无效：${m.message}` : '证件号码为空' });
      } else {
        const first = dups.see(m.idNumber, r.rowNumber);
        if (first !== null) {
          duplicates++;
          issues.push({ rowNumber: r.rowNumber, kind: 'duplicate', idNumber: m.idNumber, name, message: `与第${first}行证件号码重复（同一人在文件中出现多次）` });
        }
        if (m.kind === 'unmatched') issues.push({ rowNumber: r.rowNumber, kind: 'unmatched', idNumber: m.idNumber, name, message: UNMATCHED_MESSAGE });
        else {
          const row: Record<string, string> = {};
          for (const [k, idx] of fieldIdx) row[k] = r.cells[idx] ?? '';
          const missing: string[] = [];
          for (const rule of rules) {
            const ev = evaluateRule(rule, { group: m.group }, row as DataRow);
            if (ev.hit) {
              hits.push({
                rowNumber: r.rowNumber, idNumber: m.idNumber, fileName: name,
                subject: m.source === 'registry' ? { source: 'registry', person: m.person } : { source: 'roster', rosterId: m.person.rosterId },
                group: m.group, rule, riskTypes: ev.riskTypes, triggers: ev.triggers, explanation: ev.explanation,
              });
            } else if (ev.reason === 'missing_data') missing.push(`规则「${rule.label}」缺少数据：${ev.missingFields.map((f) => fieldLabel(rule, f)).join('、')}`);
          }
          if (missing.length) {
            missingDataRows++;
            issues.push({ rowNumber: r.rowNumber, kind: 'missing_data', idNumber: m.idNumber, name, message: missing.join('；') });
          }
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
  return { counter, rowsRead, duplicates, missingDataRows, hits, issues };
}

/** A missing field by its catalogue label (阈值 for a missing threshold). */
function fieldLabel(rule: ComparisonRule, f: string): string {
  if (f.startsWith('threshold:')) return `阈值「${f.slice('threshold:'.length)}」`;
  return `「${RULE_FIELDS[rule.family][f]?.label ?? f}」`;
}
