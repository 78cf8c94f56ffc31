/**
 * Spreadsheet and CSV input helpers (issue 3 §1 and "bad input"): text encoding detection for CSV (county files are
 * often GBK), formula-injection escaping for exports, the header check of an upload, and the row-level error shape of
 * the import report. Pure: bytes and strings in, values out; decoding itself is the caller's (TextDecoder).
 *
 * Decisions documented here:
 * - Encoding: a UTF-8 BOM → UTF-8. Otherwise strict UTF-8 validation (no overlong forms, no surrogates, nothing above
 *   U+10FFFF); valid → UTF-8 (pure ASCII included: it reads the same either way). Invalid → GB18030, the superset of
 *   GBK and GB2312, which TextDecoder('gb18030') decodes. A multi-byte sequence cut off at the very end of the bytes is
 *   tolerated, so the caller may pass only the first few kilobytes of a large file. GBK byte pairs (and GB18030 four-
 *   byte sequences) are counted as evidence; when the bytes are neither valid UTF-8 nor well-formed GB18030,
 *   `analyseTextEncoding` says `undecodable` so the caller can refuse the file instead of importing mojibake.
 *   UTF-16 (Excel "Unicode text") is not handled here.
 * - Escaping: a text cell starting with = + - @, a tab or a carriage return gets a leading apostrophe, so a
 *   spreadsheet shows it as text. A cell that already starts with apostrophes followed by one of those characters gets
 *   one more, so `unescapeSpreadsheetCell` (used on import) restores exactly what was exported: export → import is
 *   lossless. Numbers, booleans and dates are typed cells and are left alone.
 * - Headers: compared after trimming, removing a BOM and all whitespace (half- and full-width); a column may have
 *   aliases (身份证号 for 证件号码). Each missing required column is one error naming it in Chinese; unknown and
 *   repeated headers are reported but not fatal (an unknown column is ignored, a repeated one: the first wins).
 * - Row numbers are the spreadsheet's own (the header is row 1, the first data row is row 2); values in a report are
 *   cut to 200 characters.
 */

export type TextEncoding = 'utf-8' | 'gb18030';

export interface EncodingAnalysis {
  encoding: TextEncoding;
  /** The bytes start with a UTF-8 BOM (EF BB BF), which the caller strips. */
  bom: boolean;
  /** Valid UTF-8 multi-byte sequences seen (0 for pure ASCII). */
  utf8Sequences: number;
  /** Offset of the first byte that is not valid UTF-8, or null. */
  firstInvalidUtf8: number | null;
  /** GBK two-byte pairs and GB18030 four-byte sequences seen. */
  gbSequences: number;
  /** Bytes that fit neither a GBK pair nor a GB18030 four-byte sequence. */
  gbInvalidBytes: number;
  /** Neither valid UTF-8 nor well-formed GB18030: refuse rather than import mojibake. */
  undecodable: boolean;
}

const hasUtf8Bom = (b: Uint8Array) => b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;

/** Valid UTF-8 multi-byte sequences and the first invalid offset (a sequence cut off at the end is accepted). */
function scanUtf8(b: Uint8Array): { sequences: number; firstInvalid: number | null } {
  let sequences = 0;
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) { i++; continue; }
    let n: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) n = 1;
    else if (c >= 0xe0 && c <= 0xef) { n = 2; if (c === 0xe0) lo = 0xa0; if (c === 0xed) hi = 0x9f; }
    else if (c >= 0xf0 && c <= 0xf4) { n = 3; if (c === 0xf0) lo = 0x90; if (c === 0xf4) hi = 0x8f; }
    else return { sequences, firstInvalid: i };
    for (let k = 1; k <= n; k++) {
      if (i + k >= b.length) return { sequences, firstInvalid: null }; // cut off at the end of the sample
      const t = b[i + k]!;
      const [min, max] = k === 1 ? [lo, hi] : [0x80, 0xbf];
      if (t < min || t > max) return { sequences, firstInvalid: i };
    }
    sequences++;
    i += n + 1;
  }
  return { sequences, firstInvalid: null };
}

/** GBK pairs (81-FE, 40-7E|80-FE) and GB18030 four-byte sequences (81-FE, 30-39, 81-FE, 30-39). */
function scanGb(b: Uint8Array): { sequences: number; invalid: number } {
  let sequences = 0;
  let invalid = 0;
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) { i++; continue; }
    if (c === 0x80 || c === 0xff) { invalid++; i++; continue; }
    if (i + 1 >= b.length) break; // cut off at the end
    const t = b[i + 1]!;
    if ((t >= 0x40 && t <= 0x7e) || (t >= 0x80 && t <= 0xfe)) { sequences++; i += 2; continue; }
    if (t >= 0x30 && t <= 0x39) {
      if (i + 3 >= b.length) break;
      const t3 = b[i + 2]!;
      const t4 = b[i + 3]!;
      if (t3 >= 0x81 && t3 <= 0xfe && t4 >= 0x30 && t4 <= 0x39) { sequences++; i += 4; continue; }
    }
    invalid++;
    i++;
  }
  return { sequences, invalid };
}

/** The evidence behind `detectTextEncoding`. */
export function analyseTextEncoding(bytes: Uint8Array): EncodingAnalysis {
  const bom = hasUtf8Bom(bytes);
  const u = scanUtf8(bom ? bytes.subarray(3) : bytes);
  const g = scanGb(bytes);
  const firstInvalidUtf8 = u.firstInvalid === null ? null : u.firstInvalid + (bom ? 3 : 0);
  const encoding: TextEncoding = bom || firstInvalidUtf8 === null ? 'utf-8' : 'gb18030';
  return {
    encoding, bom, utf8Sequences: u.sequences, firstInvalidUtf8, gbSequences: g.sequences, gbInvalidBytes: g.invalid,
    undecodable: encoding === 'gb18030' && g.invalid > 0,
  };
}

/** 'utf-8' (BOM, or valid UTF-8) or 'gb18030' (GBK/GB2312/GB18030), for TextDecoder. */
export function detectTextEncoding(bytes: Uint8Array): TextEncoding {
  return analyseTextEncoding(bytes).encoding;
}

// ── formula injection ─────────────────────────────────────────────────────────────────────────────

const NEEDS_ESCAPE = /^'*[=+\-@\t\r]/;
const ESCAPED = /^'+[=+\-@\t\r]/;

/** A text cell that a spreadsheet would run as a formula gets a leading apostrophe; other values are unchanged. */
export function escapeSpreadsheetCell<T>(value: T): T | string {
  return typeof value === 'string' && NEEDS_ESCAPE.test(value) ? `'${value}` : value;
}

/** The inverse of `escapeSpreadsheetCell` for imported text (removes the one apostrophe export added). */
export function unescapeSpreadsheetCell<T>(value: T): T | string {
  return typeof value === 'string' && ESCAPED.test(value) ? value.slice(1) : value;
}

// ── headers ───────────────────────────────────────────────────────────────────────────────────────

export interface ExpectedColumn {
  key: string;
  /** The Chinese header of the template, e.g. 证件号码. */
  label: string;
  required: boolean;
  /** Other headers accepted for the column, e.g. 身份证号. */
  aliases?: readonly string[];
}

export interface HeaderCheck {
  ok: boolean;
  /** Column key → 0-based index in the file. */
  mapping: Record<string, number>;
  missing: { key: string; label: string }[];
  /** Headers that match no column (ignored). */
  unknown: string[];
  /** Headers that appear again for a column already found (the first wins). */
  duplicates: string[];
  /** One message per missing required column, in Chinese. */
  errors: string[];
  /** Unknown and repeated headers, in Chinese. */
  warnings: string[];
}

/** Header text compared without BOM and whitespace. */
export function normaliseHeader(h: string): string {
  return h.replace(/^\uFEFF/, '').replace(/[\s\u3000]+/g, '');
}

/** Check an upload's header row against the template's columns. */
export function checkHeaders(expected: readonly ExpectedColumn[], actual: readonly string[]): HeaderCheck {
  const byName = new Map<string, ExpectedColumn>();
  for (const c of expected) for (const n of [c.label, ...(c.aliases ?? [])]) byName.set(normaliseHeader(n), c);
  const mapping: Record<string, number> = {};
  const unknown: string[] = [];
  const duplicates: string[] = [];
  actual.forEach((raw, i) => {
    const name = normaliseHeader(raw ?? '');
    if (!name) return;
    const col = byName.get(name);
    if (!col) unknown.push(raw.trim());
    else if (col.key in mapping) duplicates.push(raw.trim());
    else mapping[col.key] = i;
  });
  const missing = expected.filter((c) => c.required && !(c.key in mapping)).map((c) => ({ key: c.key, label: c.label }));
  const warnings = [
    ...(unknown.length ? [`以下列不在模板中，将被忽略：${unknown.join('、')}`] : []),
    ...(duplicates.length ? [`以下列重复出现，只读取第一列：${duplicates.join('、')}`] : []),
  ];
  return { ok: missing.length === 0, mapping, missing, unknown, duplicates, errors: missing.map((m) => `缺少必填列「${m.label}」`), warnings };
}

// ── row-level report ──────────────────────────────────────────────────────────────────────────────

export interface RowError {
  /** Spreadsheet row number (header = 1). */
  row: number;
  /** The column's Chinese header; empty for an error about the whole row. */
  column: string;
  /** The cell as read, as text (at most 200 characters). */
  value: string;
  /** What is wrong, in Chinese. */
  message: string;
}

export const ROW_ERROR_HEADERS = ['行号', '列', '值', '问题'] as const;
export const ROW_ERROR_VALUE_MAX = 200;

export function rowError(row: number, column: string, value: unknown, message: string): RowError {
  const text = value === null || value === undefined ? '' : typeof value === 'string' ? value : String(value);
  const chars = [...text];
  return { row, column, value: chars.length > ROW_ERROR_VALUE_MAX ? `${chars.slice(0, ROW_ERROR_VALUE_MAX - 1).join('')}…` : text, message };
}

/** A report row for the Excel download, text cells escaped against formula injection. */
export function rowErrorCells(e: RowError): [number, string, string, string] {
  return [e.row, String(escapeSpreadsheetCell(e.column)), String(escapeSpreadsheetCell(e.value)), String(escapeSpreadsheetCell(e.message))];
}
