/**
 * The shared .xlsx writer (issue 3 §1 exports and row reports): streams a workbook to a Writable with ExcelJS's
 * streaming writer. Every string cell goes through the domain's `escapeSpreadsheetCell` (a text starting with
 * = + - @, tab or CR gets a leading apostrophe, so a spreadsheet never runs it as a formula); numbers, booleans and
 * dates stay typed. The header row is bold and frozen; column widths are given in characters (a CJK character counts
 * about two).
 */
import { PassThrough, type Readable, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { escapeSpreadsheetCell, ROW_ERROR_HEADERS, type RowError } from '@shouwang/domain';

export type XlsxCell = string | number | boolean | Date | null | undefined;

export interface XlsxColumn {
  /** Chinese header text. */
  header: string;
  /** Width in characters (default: from the header, at least 10). */
  width?: number;
}

export interface XlsxSheet {
  name: string;
  columns: XlsxColumn[];
  rows: Iterable<XlsxCell[]> | AsyncIterable<XlsxCell[]>;
  /** Freeze and bold the header row (default true). */
  headerStyle?: boolean;
}

/** Display width of a header: CJK characters count two. */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) > 0x2e7f ? 2 : 1;
  return w;
}

function escapeRow(row: XlsxCell[]): XlsxCell[] {
  const out = new Array<XlsxCell>(row.length);
  for (let k = 0; k < row.length; k++) {
    const v = row[k];
    out[k] = typeof v === 'string' ? (escapeSpreadsheetCell(v) as string) : v;
  }
  return out;
}

/** Write the sheets as one .xlsx to `out`; resolves when the workbook is fully written. */
export async function writeXlsx(out: Writable, sheets: XlsxSheet[]): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  for (const sheet of sheets) {
    const styled = sheet.headerStyle !== false;
    const ws = wb.addWorksheet(sheet.name.slice(0, 31), styled ? { views: [{ state: 'frozen', ySplit: 1 }] } : {});
    ws.columns = sheet.columns.map((c) => ({ width: c.width ?? Math.max(10, textWidth(c.header) + 2) }));
    const header = ws.addRow(sheet.columns.map((c) => escapeSpreadsheetCell(c.header)));
    if (styled) header.font = { bold: true };
    header.commit();
    let n = 0;
    for await (const row of sheet.rows as AsyncIterable<XlsxCell[]>) {
      ws.addRow(escapeRow(row)).commit();
      // let the zip stream drain now and then (the streaming writer has no back-pressure of its own)
      if (++n % 2000 === 0) await new Promise<void>((r) => setImmediate(r));
    }
    ws.commit();
  }
  await wb.commit();
}

/** The workbook as a Readable (e.g. for `reply.send`); a failure destroys the stream with the error. */
export function xlsxStream(sheets: XlsxSheet[]): Readable {
  const pass = new PassThrough();
  writeXlsx(pass, sheets).catch((e: Error) => pass.destroy(e));
  return pass;
}

/** The sheet of a row-level report: 行号 / 列 / 值 / 问题. */
export function rowErrorsSheet(errors: Iterable<RowError> | AsyncIterable<RowError>, name = '错误明细'): XlsxSheet {
  async function* rows(): AsyncGenerator<XlsxCell[]> {
    for await (const e of errors as AsyncIterable<RowError>) yield [e.row, e.column, e.value, e.message];
  }
  const widths = [8, 16, 30, 60];
  return { name, columns: ROW_ERROR_HEADERS.map((h, i) => ({ header: h, width: widths[i] })), rows: rows() };
}

/** A downloadable .xlsx of a row-level report (行号/列/值/问题), every text cell escaped. */
export function rowErrorsWorkbook(errors: Iterable<RowError> | AsyncIterable<RowError>): Readable {
  return xlsxStream([rowErrorsSheet(errors)]);
}
