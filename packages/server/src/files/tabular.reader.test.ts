import { describe, expect, it } from 'vitest';
import { Readable, PassThrough } from 'node:stream';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { openTabular, TabularInputError, CsvTokenizer, cellText, type TabularRow, type TabularSource } from './tabular.reader.js';
import { writeXlsx, rowErrorsWorkbook } from './xlsx.writer.js';

const MB = 1_048_576;

async function all(src: TabularSource): Promise<TabularRow[]> {
  const out: TabularRow[] = [];
  for await (const b of src.rows) out.push(...b);
  return out;
}

/** A stream of the bytes, cut into chunks of `chunk` bytes (to exercise boundaries). */
function bytes(b: Buffer, chunk = 1 << 16): Readable {
  const parts: Buffer[] = [];
  for (let i = 0; i < b.length; i += chunk) parts.push(b.subarray(i, i + chunk));
  return Readable.from(parts);
}

async function open(b: Buffer, fileName = 'a.csv', maxBytes = 10 * MB, chunk?: number, extra: object = {}) {
  return openTabular(bytes(b, chunk), { fileName, maxBytes, ...extra });
}

async function failure(p: Promise<unknown>): Promise<TabularInputError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(TabularInputError);
    return e as TabularInputError;
  }
  throw new Error('expected a TabularInputError');
}

async function xlsxBuffer(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A minimal zip (stored/deflated entries) built by hand, so sizes can be chosen freely. */
function zip(entries: { name: string; data: Buffer; declaredSize?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const comp = deflateRawSync(e.data);
    const name = Buffer.from(e.name);
    const size = e.declaredSize ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(0, 6); local.writeUInt16LE(8, 8);
    local.writeUInt32LE(0, 14); local.writeUInt32LE(comp.length, 18); local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26); local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt16LE(0, 8);
    central.writeUInt16LE(8, 10); central.writeUInt32LE(0, 16); central.writeUInt32LE(comp.length, 20); central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28); central.writeUInt32LE(offset, 42);
    locals.push(local, name, comp);
    centrals.push(central, name);
    offset += 30 + name.length + comp.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(entries.length, 8); end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

describe('openTabular — CSV', () => {
  it('decodes a GBK file (not mojibake)', async () => {
    // 姓名,证件号码 / 张三,1  in GBK: 姓 D0D5 名 C3FB 证 D6A4 件 BCFE 号 BAC5 码 C2EB 张 D5C5 三 C8FD
    const gbk = Buffer.from([0xd0, 0xd5, 0xc3, 0xfb, 0x2c, 0xd6, 0xa4, 0xbc, 0xfe, 0xba, 0xc5, 0xc2, 0xeb, 0x0a, 0xd5, 0xc5, 0xc8, 0xfd, 0x2c, 0x31, 0x0a]);
    const src = await open(gbk);
    expect(src.format).toBe('csv');
    expect(src.encoding).toBe('gb18030');
    expect(src.headers).toEqual(['姓名', '证件号码']);
    expect(await all(src)).toEqual([{ rowNumber: 2, cells: ['张三', '1'] }]);
  });

  it('decodes GBK characters split across chunks', async () => {
    const row = Buffer.from([0xd5, 0xc5, 0xc8, 0xfd, 0x2c, 0x31, 0x0a]); // 张三,1
    const gbk = Buffer.concat([Buffer.from([0xd0, 0xd5, 0xc3, 0xfb, 0x2c, 0x78, 0x0a]), ...Array.from({ length: 20000 }, () => row)]);
    const src = await open(gbk, 'a.csv', 10 * MB, 7);
    const rows = await all(src);
    expect(rows).toHaveLength(20000);
    expect(rows.every((r) => r.cells[0] === '张三' && r.cells[1] === '1')).toBe(true);
    expect(rows[19999]!.rowNumber).toBe(20001);
  });

  it('reads UTF-8 with a BOM (BOM not in the first header)', async () => {
    const src = await open(Buffer.from('\uFEFF姓名,证件号码\r\n李四,2\r\n'));
    expect(src.encoding).toBe('utf-8');
    expect(src.headers).toEqual(['姓名', '证件号码']);
    expect(await all(src)).toEqual([{ rowNumber: 2, cells: ['李四', '2'] }]);
  });

  it('handles quotes, escaped quotes, quoted line breaks, relaxed quotes, blank lines and CR/CRLF', async () => {
    const text = 'a,b,c\r\n"x,1","say ""hi""","line1\nline2"\n\n  \nplain"quote,"q"tail,\rlast,,\r\n,,\n';
    for (const chunk of [1, 3, 1 << 16]) {
      const src = await open(Buffer.from(text), 'a.csv', MB, chunk);
      expect(src.headers).toEqual(['a', 'b', 'c']);
      expect(await all(src)).toEqual([
        { rowNumber: 2, cells: ['x,1', 'say "hi"', 'line1\nline2'] },
        { rowNumber: 5, cells: ['plain"quote', 'qtail', ''] },
        { rowNumber: 6, cells: ['last', '', ''] },
      ]);
    }
  });

  it('reads a last line without a line break, and a tab-separated file', async () => {
    expect(await all(await open(Buffer.from('a,b\n1,2')))).toEqual([{ rowNumber: 2, cells: ['1', '2'] }]);
    const tsv = await open(Buffer.from('姓名\t金额\n王五\t1,5\n'));
    expect(tsv.headers).toEqual(['姓名', '金额']);
    expect(await all(tsv)).toEqual([{ rowNumber: 2, cells: ['王五', '1,5'] }]);
  });

  it('uses the given header row and batches rows', async () => {
    const lines = ['标题', '', 'id,name', ...Array.from({ length: 4500 }, (_, i) => `${i},n${i}`)];
    const src = await open(Buffer.from(lines.join('\n')), 'a.csv', MB, 1000, { headerRow: 3, batchSize: 2000 });
    expect(src.headers).toEqual(['id', 'name']);
    const sizes: number[] = [];
    let firstRow = 0;
    for await (const b of src.rows) { sizes.push(b.length); firstRow ||= b[0]!.rowNumber; }
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(4500);
    expect(Math.max(...sizes)).toBe(2000);
    expect(firstRow).toBe(4);
  });

  it('tokenizes incrementally with the same result as in one piece', () => {
    const text = 'h1,h2\n"a\r\nb",c\r\nd,"e"""\n';
    const whole: TabularRow[] = [];
    new CsvTokenizer().push(text, true, whole);
    const pieces: TabularRow[] = [];
    const tok = new CsvTokenizer();
    for (let i = 0; i < text.length; i++) tok.push(text[i]!, i === text.length - 1, pieces);
    expect(pieces).toEqual(whole);
    expect(whole).toEqual([{ rowNumber: 1, cells: ['h1', 'h2'] }, { rowNumber: 2, cells: ['a\r\nb', 'c'] }, { rowNumber: 3, cells: ['d', 'e"'] }]);
  });

  it('rejects a 0-byte file (400)', async () => {
    const e = await failure(open(Buffer.alloc(0)));
    expect(e.status).toBe(400);
    expect(e.message).toContain('文件为空');
  });

  it('rejects a file over the limit (413), also when the excess comes while reading rows', async () => {
    const big = Buffer.from(`a,b\n${'1,2\n'.repeat(100_000)}`);
    const e = await failure((async () => all(await open(big, 'a.csv', 100_000)))());
    expect(e.status).toBe(413);
    expect(e.message).toContain('文件超过大小上限');
    const small = await failure(open(Buffer.alloc(2000, 0x41), 'a.csv', 1000));
    expect(small.status).toBe(413);
  });

  it('refuses binary content and undecodable text', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    const asXlsx = await failure(open(png, '户籍.xlsx'));
    expect(asXlsx.status).toBe(415);
    expect(asXlsx.message).toContain('不是 Excel 文件');
    expect((await failure(open(png, '户籍.csv'))).status).toBe(415);
    expect((await failure(open(Buffer.from('a,b\n1\u00002\n'), 'a.csv'))).status).toBe(415);
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect((await failure(open(ole, 'a.xls'))).message).toContain('.xls');
    const bad = await failure(open(Buffer.from([0x61, 0x2c, 0x80, 0x80, 0x80, 0x0a]), 'a.csv'));
    expect(bad.status).toBe(400);
    expect(bad.message).toContain('编码');
  });
});

describe('openTabular — xlsx', () => {
  it('reads the first sheet: formulas as cached values, dates, numbers, rich text, booleans', async () => {
    const buf = await xlsxBuffer((wb) => {
      const ws = wb.addWorksheet('数据');
      ws.addRow(['姓名', '数', '公式', '日期', '富文本', '布尔', '证件号码']);
      ws.addRow(['张三', 3, { formula: 'B2+2', result: 5 }, new Date(Date.UTC(2024, 4, 6)), { richText: [{ text: '甲' }, { text: '乙' }] }, true, '411321198001010011']);
      ws.getCell('D2').numFmt = 'yyyy-mm-dd';
      ws.addRow([]);
      ws.addRow(['李四', 0.1 + 0.2]);
      ws.addRow([null, null]);
      wb.addWorksheet('说明').addRow(['不应读取']);
    });
    const src = await open(buf, 'a.xlsx');
    expect(src.format).toBe('xlsx');
    expect(src.encoding).toBeNull();
    expect(src.headers).toEqual(['姓名', '数', '公式', '日期', '富文本', '布尔', '证件号码']);
    expect(await all(src)).toEqual([
      { rowNumber: 2, cells: ['张三', '3', '5', '2024-05-06', '甲乙', 'TRUE', '411321198001010011'] },
      { rowNumber: 4, cells: ['李四', '0.3'] },
    ]);
  });

  it('reads what the shared writer wrote (escaped cells stay text, round trip)', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    await writeXlsx(out, [{ name: '户', columns: [{ header: '姓名' }, { header: '备注' }, { header: '金额' }], rows: [['王五', '=1+1', 12.5], ['-x', '@y', null]] }]);
    const src = await open(Buffer.concat(chunks), 'b.xlsx');
    expect(src.headers).toEqual(['姓名', '备注', '金额']);
    expect(await all(src)).toEqual([{ rowNumber: 2, cells: ['王五', "'=1+1", '12.5'] }, { rowNumber: 3, cells: ["'-x", "'@y"] }]);
  });

  it('writes a row-error report', async () => {
    const chunks: Buffer[] = [];
    for await (const c of rowErrorsWorkbook([{ row: 3, column: '证件号码', value: '=cmd', message: '校验位错误' }])) chunks.push(c as Buffer);
    const src = await open(Buffer.concat(chunks), 'r.xlsx');
    expect(src.headers).toEqual(['行号', '列', '值', '问题']);
    expect(await all(src)).toEqual([{ rowNumber: 2, cells: ['3', '证件号码', "'=cmd", '校验位错误'] }]);
  });

  it('keeps Chinese text whole across inflate chunk boundaries in a large sheet (ExcelJS parse-sax bug fixed)', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const rows = Array.from({ length: 30_000 }, (_, i) => [`普通劳动力${i}`, '弱劳动力或半劳动力', i]);
    await writeXlsx(out, [{ name: '户', columns: [{ header: '劳动技能' }, { header: '其他' }, { header: '序号' }], rows }]);
    const src = await open(Buffer.concat(chunks), 'big.xlsx', 50 * MB);
    const read = await all(src);
    expect(read).toHaveLength(30_000);
    const bad = read.filter((r, i) => r.cells[0] !== `普通劳动力${i}` || r.cells[1] !== '弱劳动力或半劳动力');
    expect(bad).toEqual([]);
  });

  it('rejects a zip bomb before parsing (413)', async () => {
    const bomb = zip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(30 * MB, 0x20) },
    ]);
    expect(bomb.length).toBeLessThan(MB);
    const e = await failure(open(bomb, 'bomb.xlsx', 5 * MB));
    expect(e.status).toBe(413);
    expect(e.code).toBe('ZIP_BOMB');
    // a total above the limit is refused as well, whatever the ratio
    const total = await failure(open(bomb, 'bomb.xlsx', 5 * MB, undefined, { zipLimits: { maxRatio: 1e9, maxUncompressedBytes: 10 * MB } }));
    expect(total.code).toBe('ZIP_BOMB');
  });

  it('catches an entry that inflates beyond its declared size', async () => {
    const liar = zip([
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(2 * MB, 0x20), declaredSize: 1000 },
    ]);
    const e = await failure(open(liar, 'liar.xlsx'));
    expect(e.code).toBe('ZIP_BOMB');
  });

  it('refuses a zip that is not a workbook and a broken zip', async () => {
    const notBook = zip([{ name: 'hello.txt', data: Buffer.from('hi') }]);
    expect((await failure(open(notBook, 'a.xlsx'))).status).toBe(415);
    const truncated = (await xlsxBuffer((wb) => wb.addWorksheet('a').addRow(['x']))).subarray(0, 200);
    expect((await failure(open(truncated, 'a.xlsx'))).status).toBe(400);
  });

  it('rejects an xlsx over the limit (413) and leaves no temp files', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'h1-tab-'));
    const buf = await xlsxBuffer((wb) => { const ws = wb.addWorksheet('a'); for (let i = 0; i < 2000; i++) ws.addRow([`r${i}`, i]); });
    const e = await failure(open(buf, 'a.xlsx', buf.length - 1, 1000, { tmpDir: dir }));
    expect(e.status).toBe(413);
    const ok = await open(buf, 'a.xlsx', buf.length, 1000, { tmpDir: dir });
    expect((await all(ok)).length).toBe(1999);
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('cellText', () => {
  it.each([
    [null, ''], [42, '42'], [1.1 + 2.2, '3.3'], [false, 'FALSE'], [{ error: '#N/A' }, '#N/A'],
    [{ text: '链接', hyperlink: 'http://x' }, '链接'], [{ sharedFormula: 'A1', result: 'abc' }, 'abc'], [{ formula: 'A1' }, ''],
    [new Date(Date.UTC(2024, 0, 2, 8, 30, 0)), '2024-01-02 08:30:00'],
  ])('%j → %s', (v, text) => expect(cellText(v)).toBe(text));
});
