/**
 * The 公安 rural population roster import (农村人口底册, issue 3 §1) into `roster_person`: one row per person, upserted
 * by the 18-digit ID (a re-import of a newer register updates names, villages and addresses in place). The ID check
 * digit and birth date are validated, the village must exist and lie in the uploader's area, and the same person twice
 * in one file is an error. Sex and birth date come from the ID number.
 */
import { ID_CARD_MESSAGES, ROSTER_COLUMNS, isWithinArea, parseRow, rowError, validateIdCard, type RowError } from '@shouwang/domain';
import type { AuthUser } from '../../http/context.js';
import type { TabularRow } from '../../files/tabular.reader.js';

const labelOf = new Map(ROSTER_COLUMNS.map((c) => [c.key, c.label]));
const LIMITS: Record<string, number> = { name: 64, hukouNo: 32, relation: 32, address: 200 };

export class RosterImport {
  rowsRead = 0;
  readonly errors: RowError[] = [];
  private badRows = new Set<number>();
  private seen = new Map<string, number>();
  private staged: { row: number; values: unknown[] }[] = [];

  constructor(
    private readonly mapping: Readonly<Record<string, number>>,
    private readonly user: AuthUser,
    private readonly villages: Map<string, string>,
    private readonly today: string,
  ) {}

  private fail(row: number, key: string, value: unknown, message: string) {
    this.errors.push(rowError(row, labelOf.get(key) ?? key, value, message));
    this.badRows.add(row);
  }

  consume(batch: TabularRow[]): void {
    for (const { rowNumber: row, cells } of batch) {
      this.rowsRead++;
      const { values: v, errors } = parseRow(ROSTER_COLUMNS, this.mapping, cells);
      for (const e of errors) this.fail(row, e.column, e.value, e.message);
      let ok = true;
      for (const k of ['name', 'idNumber', 'villageCode']) if (v[k] === undefined) { this.fail(row, k, '', `请填写「${labelOf.get(k)}」`); ok = false; }
      for (const [k, max] of Object.entries(LIMITS)) {
        const s = v[k] as string | undefined;
        if (s !== undefined && [...s].length > max) { this.fail(row, k, s, `「${labelOf.get(k)}」不超过${max}个字`); ok = false; }
      }
      if (!ok) continue;
      const id = validateIdCard(v.idNumber as string, { today: this.today });
      if (!id.ok) { this.fail(row, 'idNumber', v.idNumber, ID_CARD_MESSAGES[id.error]); continue; }
      const village = v.villageCode as string;
      if (!/^\d{12}$/.test(village) || !this.villages.has(village)) { this.fail(row, 'villageCode', village, `所属村代码 ${village} 不存在`); continue; }
      if (!isWithinArea(village, this.user.areaCode)) { this.fail(row, 'villageCode', village, `所属村 ${this.villages.get(village)} 不在您的管辖范围内`); continue; }
      const prev = this.seen.get(id.value.id);
      if (prev !== undefined) { this.fail(row, 'idNumber', v.idNumber, `与第 ${prev} 行是同一人（证件号码重复）`); continue; }
      this.seen.set(id.value.id, row);
      this.staged.push({ row, values: [id.value.id, v.name, id.value.sex, id.value.birthDate, village, v.hukouNo ?? null, v.relation ?? null, v.address ?? null] });
    }
  }

  /** The rows to write: none in atomic mode when anything failed. */
  rowsToWrite(mode: 'atomic' | 'valid_rows'): unknown[][] {
    if (mode === 'atomic' && this.badRows.size) return [];
    return this.staged.filter((s) => !this.badRows.has(s.row)).map((s) => s.values);
  }
}
