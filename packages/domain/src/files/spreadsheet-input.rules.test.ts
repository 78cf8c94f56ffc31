import { describe, expect, it } from 'vitest';
import {
  analyseTextEncoding, checkHeaders, detectTextEncoding, escapeSpreadsheetCell, normaliseHeader, rowError, rowErrorCells, unescapeSpreadsheetCell,
  type ExpectedColumn,
} from './spreadsheet-input.rules.js';

const utf8 = (s: string) => new TextEncoder().encode(s);
const bytes = (...b: number[]) => Uint8Array.from(b);
// 姓名,证件号码 in GBK
const GBK_HEADER = bytes(0xd0, 0xd5, 0xc3, 0xfb, 0x2c, 0xd6, 0xa4, 0xbc, 0xfe, 0xba, 0xc5, 0xc2, 0xeb);
// 联通 in GBK: C1 AA CD A8 (a classic that some detectors take for UTF-8)
const GBK_LIANTONG = bytes(0xc1, 0xaa, 0xcd, 0xa8);
// ¥ (U+00A5) is the GB18030 four-byte sequence 81 30 84 36, then 姓
const GB18030_FOUR = bytes(0x81, 0x30, 0x84, 0x36, 0xd0, 0xd5);

describe('detectTextEncoding', () => {
  it.each([
    { name: 'ASCII', b: utf8('name,id\n1,2'), enc: 'utf-8' },
    { name: 'empty', b: bytes(), enc: 'utf-8' },
    { name: 'UTF-8 Chinese', b: utf8('姓名,证件号码\n张三,411321197001010011'), enc: 'utf-8' },
    { name: 'UTF-8 with BOM', b: Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('姓名')]), enc: 'utf-8', bom: true },
    { name: 'GBK header', b: GBK_HEADER, enc: 'gb18030' },
    { name: 'GBK 联通', b: GBK_LIANTONG, enc: 'gb18030' },
    { name: 'GB18030 four-byte sequence', b: GB18030_FOUR, enc: 'gb18030' },
    { name: 'UTF-8 cut mid-character at the end of a sample', b: utf8('姓名').subarray(0, 5), enc: 'utf-8' },
    { name: 'overlong UTF-8 is not UTF-8', b: bytes(0x41, 0xc0, 0xaf), enc: 'gb18030' },
    { name: 'UTF-8 surrogate is not UTF-8', b: bytes(0xed, 0xa0, 0x80), enc: 'gb18030' },
  ])('$name → $enc', ({ b, enc, bom }) => {
    expect(detectTextEncoding(b)).toBe(enc);
    expect(analyseTextEncoding(b).bom).toBe(bom ?? false);
  });

  it('GBK decoded with the detected encoding is the right text (no mojibake)', () => {
    const enc = detectTextEncoding(GBK_HEADER);
    expect(new TextDecoder(enc).decode(GBK_HEADER)).toBe('姓名,证件号码');
    expect(new TextDecoder('utf-8').decode(GBK_HEADER)).not.toBe('姓名,证件号码');
  });

  it('gives the evidence', () => {
    expect(analyseTextEncoding(GBK_HEADER)).toMatchObject({ encoding: 'gb18030', firstInvalidUtf8: 0, gbSequences: 6, gbInvalidBytes: 0, undecodable: false });
    expect(analyseTextEncoding(utf8('a姓名'))).toMatchObject({ encoding: 'utf-8', utf8Sequences: 2, firstInvalidUtf8: null });
  });

  it('bytes that are neither UTF-8 nor GB18030 are undecodable', () => {
    expect(analyseTextEncoding(bytes(0x41, 0xff, 0xff, 0x42))).toMatchObject({ encoding: 'gb18030', undecodable: true });
  });
});

describe('escapeSpreadsheetCell', () => {
  it.each([
    ['=SUM(A1:A2)', "'=SUM(A1:A2)"],
    ['+86 138', "'+86 138"],
    ['-2+3', "'-2+3"],
    ['@cmd', "'@cmd"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ["'=1", "''=1"],
    ["'abc", "'abc"],
    ['张三', '张三'],
    ['a=b', 'a=b'],
    ['', ''],
  ])('%j → %j', (v, out) => {
    expect(escapeSpreadsheetCell(v)).toBe(out);
    expect(unescapeSpreadsheetCell(escapeSpreadsheetCell(v))).toBe(v);
  });
  it.each([[-5], [0], [true], [null]] as const)('leaves the typed value %o alone', (v) => expect(escapeSpreadsheetCell(v)).toBe(v));
});

describe('checkHeaders', () => {
  const COLS: ExpectedColumn[] = [
    { key: 'name', label: '姓名', required: true },
    { key: 'idNumber', label: '证件号码', required: true, aliases: ['身份证号', '身份证号码'] },
    { key: 'phone', label: '联系电话', required: false },
  ];
  it.each([
    { name: 'all present', actual: ['姓名', '证件号码', '联系电话'], ok: true, errors: [], mapping: { name: 0, idNumber: 1, phone: 2 } },
    { name: 'BOM, spaces and an alias', actual: ['\uFEFF姓 名', ' 身份证号 '], ok: true, errors: [], mapping: { name: 0, idNumber: 1 } },
    { name: 'missing required column named', actual: ['姓名', '联系电话'], ok: false, errors: ['缺少必填列「证件号码」'] },
    { name: 'two missing', actual: ['联系电话'], ok: false, errors: ['缺少必填列「姓名」', '缺少必填列「证件号码」'] },
    { name: 'empty header row', actual: [], ok: false, errors: ['缺少必填列「姓名」', '缺少必填列「证件号码」'] },
  ])('$name', ({ actual, ok, errors, mapping }) => {
    const r = checkHeaders(COLS, actual);
    expect(r.ok).toBe(ok);
    expect(r.errors).toEqual(errors);
    if (mapping) expect(r.mapping).toEqual(mapping);
  });
  it('reports unknown and repeated headers as warnings', () => {
    const r = checkHeaders(COLS, ['姓名', '证件号码', '备注', '身份证号']);
    expect(r).toMatchObject({ ok: true, unknown: ['备注'], duplicates: ['身份证号'], mapping: { name: 0, idNumber: 1 } });
    expect(r.warnings).toEqual(['以下列不在模板中，将被忽略：备注', '以下列重复出现，只读取第一列：身份证号']);
  });
  it('normalises full-width spaces', () => expect(normaliseHeader('证件\u3000号码')).toBe('证件号码'));
});

describe('rowError', () => {
  it.each([
    { name: 'text value', args: [3, '证件号码', '41132119700101001X', '身份证号码校验位错误'] as const, value: '41132119700101001X' },
    { name: 'number value', args: [4, '年收入', 12.5, '收入不能为负'] as const, value: '12.5' },
    { name: 'empty cell', args: [5, '姓名', null, '必填'] as const, value: '' },
    { name: 'long value cut to 200 characters', args: [6, '备注', '字'.repeat(300), '过长'] as const, value: `${'字'.repeat(199)}…` },
  ])('$name', ({ args, value }) => expect(rowError(args[0], args[1], args[2], args[3])).toEqual({ row: args[0], column: args[1], value, message: args[3] }));
  it('report cells are escaped', () => {
    expect(rowErrorCells(rowError(7, '姓名', '=HYPERLINK("x")', '姓名含非法字符'))).toEqual([7, '姓名', '\'=HYPERLINK("x")', '姓名含非法字符']);
  });
});
