import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { REGISTRY_COLUMNS, ROSTER_COLUMNS, diffFields, makeIdCard, maskPhone } from '@shouwang/domain';
import { availableEngines } from '../../testing/engines.js';
import { COUNTY, VILLAGE_A, VILLAGE_B, VILLAGE_OTHER, createTestApp, newId, type TestApp } from '../../testing/fixture.js';
import { openTabular } from '../../files/tabular.reader.js';

const engines = await availableEngines();

function multipart(fileName: string, data: Buffer) {
  const boundary = '----h1test' + Math.random().toString(16).slice(2);
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return { payload: Buffer.concat([Buffer.from(head, 'utf8'), data, Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** GBK bytes of a string (reverse table built from the platform's gb18030 decoder). */
let gbkTable: Map<string, number[]> | null = null;
function gbk(s: string): Buffer {
  if (!gbkTable) {
    gbkTable = new Map();
    const d = new TextDecoder('gb18030');
    for (let a = 0x81; a <= 0xfe; a++) for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue;
      const ch = d.decode(Uint8Array.from([a, b]));
      if (ch.length === 1 && !gbkTable.has(ch)) gbkTable.set(ch, [a, b]);
    }
  }
  const out: number[] = [];
  for (const ch of s) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else { const b = gbkTable.get(ch); if (!b) throw new Error(`no GBK for ${ch}`); out.push(...b); }
  }
  return Buffer.from(out);
}

const H = (key: string) => REGISTRY_COLUMNS.find((c) => c.key === key)!.label;
const BASE = ['householdNo', 'villageCode', 'householdType', 'alleviationYear', 'riskTypes', 'incomeYear', 'wageIncome', 'name', 'idNumber', 'relation', 'labourSkill', 'workMonths', 'workLocation'];
const csv = (rows: (string | number)[][], keys = BASE) => [keys.map(H).join(','), ...rows.map((r) => r.join(','))].join('\r\n') + '\r\n';

async function xlsxOf(rows: unknown[][], keys = BASE): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('户');
  ws.addRow(keys.map(H));
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function readXlsx(body: Buffer) {
  const src = await openTabular(Readable.from([body]), { fileName: 'x.xlsx', maxBytes: 50 * 1_048_576 });
  const rows: string[][] = [];
  for await (const b of src.rows) for (const r of b) rows.push(r.cells);
  return { headers: src.headers, rows };
}

function zipBomb(): Buffer {
  const entries = [{ name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') }, { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(40 * 1_048_576, 0x20) }];
  const locals: Buffer[] = []; const centrals: Buffer[] = []; let offset = 0;
  for (const e of entries) {
    const comp = deflateRawSync(e.data); const name = Buffer.from(e.name);
    const l = Buffer.alloc(30); l.writeUInt32LE(0x04034b50, 0); l.writeUInt16LE(20, 4); l.writeUInt16LE(8, 8); l.writeUInt32LE(comp.length, 18); l.writeUInt32LE(e.data.length, 22); l.writeUInt16LE(name.length, 26);
    const c = Buffer.alloc(46); c.writeUInt32LE(0x02014b50, 0); c.writeUInt16LE(20, 4); c.writeUInt16LE(20, 6); c.writeUInt16LE(8, 10); c.writeUInt32LE(comp.length, 20); c.writeUInt32LE(e.data.length, 24); c.writeUInt16LE(name.length, 28); c.writeUInt32LE(offset, 42);
    locals.push(l, name, comp); centrals.push(c, name); offset += 30 + name.length + comp.length;
  }
  const cd = Buffer.concat(centrals); const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(entries.length, 8); end.writeUInt16LE(entries.length, 10); end.writeUInt32LE(cd.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** A wrong check digit for a valid ID. */
const badCheck = (id: string) => id.slice(0, 17) + (id[17] === '0' ? '1' : '0');

describe.each(engines)('imports on %s', (engine) => {
  let t: TestApp;
  let county: string;
  let township: string;
  let village: string;

  const upload = (cookie: string, url: string, fileName: string, data: Buffer) => {
    const m = multipart(fileName, data);
    return t.app.inject({ method: 'POST', url, headers: { cookie, ...m.headers }, payload: m.payload });
  };
  const get = (cookie: string, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
  const counts = async () => {
    const [h] = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM household');
    const [p] = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM person');
    const [j] = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM import_job');
    return { households: Number(h!.n), persons: Number(p!.n), jobs: Number(j!.n) };
  };
  /** Upload, expect 202, wait for the job, return it. */
  const run = async (data: Buffer, fileName = 'a.csv', cookie = county, query = '', url = '/api/imports/registry') => {
    const r = await upload(cookie, `${url}${query}`, fileName, data);
    expect(r.statusCode, r.body).toBe(202);
    await t.services.imports.imports.whenIdle();
    const j = await get(cookie, `/api/imports/${r.json().id}`);
    expect(j.statusCode, j.body).toBe(200);
    return j.json();
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
    [county, township, village] = await Promise.all([t.login('county'), t.login('township'), t.login('village')]);
  });
  afterAll(async () => { await t?.services.imports.imports.whenIdle(); await t?.close(); });

  it('serves a template with Chinese headers and an explanation sheet', async () => {
    const r = await get(county, '/api/imports/registry/template');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
    const { headers, rows } = await readXlsx(r.rawPayload);
    expect(headers).toEqual(REGISTRY_COLUMNS.map((c) => c.label));
    expect(rows).toEqual([]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const notes = wb.getWorksheet('填写说明')!;
    const values = notes.getSheetValues().flat().map(String).join('|');
    expect(values).toContain('脱贫户、一般农户');
    expect(values).toContain('因病');
  });

  it('imports a CSV: households grouped, numbered, 人均纯收入 computed, audited', async () => {
    const before = await counts();
    const [h1, m1, h2] = [newId('19700101'), newId('19950101', false), newId('19660202')];
    const data = csv([
      ['', VILLAGE_A, '脱贫户', 2016, '', 2024, 24000, '导入甲', h1, '户主', '普通劳动力', 10, '县内'],
      ['', '', '', '', '', '', '', '导入乙', m1, '之女', '普通劳动力', 0],
      ['', VILLAGE_B, '一般农户', '', '', '', '', '导入丙', h2, '户主', '技能劳动力', ''],
    ]);
    const job = await run(Buffer.from(data));
    expect(job.status, JSON.stringify(job.errors)).toBe('succeeded');
    expect(job).toMatchObject({ rowsRead: 3, rowsWritten: 3, householdsWritten: 2, errorCount: 0 });
    const after = await counts();
    expect(after.households - before.households).toBe(2);
    const [hh] = await t.db.query(`SELECT h.* FROM household h JOIN person p ON p.household_id = h.id WHERE p.identity_key = $1`, [h1]);
    expect(hh).toMatchObject({ village_code: VILLAGE_A, household_type: 'alleviated', alleviation_year: 2016, member_count: 2, income_year: 2024 });
    expect(Number(hh!.per_capita_net_income)).toBe(12000);
    expect(hh!.household_no).toMatch(new RegExp(`^${VILLAGE_A}\\d{4}$`));
    const [m] = await t.db.query('SELECT * FROM person WHERE identity_key = $1', [m1]);
    expect(m).toMatchObject({ relation: 'daughter', sex: 'female', birth_date: '1995-01-01', household_id: hh!.id });
    const audit = await t.db.query(`SELECT * FROM audit_log WHERE action = 'import.registry' AND entity_id = $1`, [String(job.id)]);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toMatchObject({ households: 2, persons: 3, fileName: 'a.csv' });
  });

  it('writes a creation history entry per household, equal to diffFields(null, household) with the phone masked', async () => {
    const keys = ['householdNo', 'villageCode', 'householdType', 'address', 'phone', 'monitorCategory', 'monitorIdentifiedOn', 'riskTypes', 'dibao', 'name', 'idNumber', 'relation', 'labourSkill'];
    const [a, b] = [newId('19750101'), newId('19760101')];
    const job = await run(Buffer.from(csv([
      ['', VILLAGE_A, '一般农户', '历史村3号', '13800001234', '边缘易致贫户', '2024-03-05', '因病', '是', '历史甲', a, '户主', '普通劳动力'],
      ['', VILLAGE_B, '一般农户', '', '', '', '', '', '', '历史乙', b, '户主', '普通劳动力'],
    ], keys)));
    expect(job.status, JSON.stringify(job.errors)).toBe('succeeded');
    const flags = { riskEliminated: false, relocated: false, noLabourGuarantee: false, tekun: false, housingUnsafe: false, schoolingDropout: false, waterUnsafe: false, medicalUninsured: false };
    const expected: [string, Record<string, unknown>][] = [
      [a, { villageCode: VILLAGE_A, address: '历史村3号', phone: maskPhone('13800001234'), householdType: 'ordinary', monitorCategory: 'marginal', monitorIdentifiedOn: '2024-03-05', riskTypes: ['illness'], ...flags, dibao: true }],
      [b, { villageCode: VILLAGE_B, householdType: 'ordinary', riskTypes: [], ...flags, dibao: false }],
    ];
    for (const [id, h] of expected) {
      const rows = await t.db.query(
        `SELECT hh.household_no, hh.member_count, hi.user_id, hi.username, hi.entity_type, hi.entity_id, hi.action, hi.changes
           FROM household_history hi JOIN household hh ON hh.id = hi.household_id JOIN person p ON p.household_id = hh.id WHERE p.identity_key = $1`, [id]);
      expect(rows).toHaveLength(1);
      const r = rows[0]!;
      expect(r).toMatchObject({ user_id: t.userIds.county, username: 'county', entity_type: 'household', action: 'create', member_count: 1 });
      expect(r.changes).toEqual({ ...diffFields(null, { ...h, householdNo: r.household_no, members: 1 }), importJob: { from: null, to: job.id } });
    }
  });

  it('decodes a GBK CSV correctly (not mojibake)', async () => {
    const id = newId('19800808');
    const job = await run(gbk(csv([['', VILLAGE_A, '一般农户', '', '因病、因学', '', '', '欧阳锦绣', id, '户主', '弱劳动力或半劳动力', '']])), 'gbk.csv');
    expect(job.status, JSON.stringify(job.errors)).toBe('succeeded');
    const [p] = await t.db.query('SELECT p.name, h.risk_types, p.labour_skill FROM person p JOIN household h ON h.id = p.household_id WHERE p.identity_key = $1', [id]);
    expect(p).toMatchObject({ name: '欧阳锦绣', risk_types: ['illness', 'schooling'], labour_skill: 'weak' });
  });

  it('reads formula cells of an .xlsx as their values', async () => {
    const id = newId('19810101');
    const data = await xlsxOf([['', VILLAGE_A, '一般农户', null, null, null, null, '公式户', id, '户主', '普通劳动力', { formula: '1+2', result: 3 }, '省外']]);
    const job = await run(data, 'f.xlsx');
    expect(job.status, JSON.stringify(job.errors)).toBe('succeeded');
    const [p] = await t.db.query('SELECT work_months FROM person WHERE identity_key = $1', [id]);
    expect(p!.work_months).toBe(3);
  });

  it('refuses a file without a required column with one error naming it; nothing written, no job', async () => {
    const before = await counts();
    const keys = BASE.filter((k) => k !== 'idNumber');
    const r = await upload(county, '/api/imports/registry', 'a.csv', Buffer.from([keys.map(H).join(','), `,${VILLAGE_A},一般农户,,,,,某某,户主,普通劳动力,`].join('\n')));
    expect(r.statusCode).toBe(400);
    expect(r.json().error.message).toContain('缺少必填列「证件号码」');
    expect(r.json().error.fields).toEqual([{ field: 'columns.idNumber', message: '缺少必填列「证件号码」' }]);
    expect(await counts()).toEqual(before);
  });

  it('lists invalid ID check digits, duplicates in the file, unknown and out-of-scope villages per row; atomic → nothing written', async () => {
    const before = await counts();
    const dup = newId('19750505');
    const bad = badCheck(newId('19760606'));
    const data = csv([
      ['', VILLAGE_A, '一般农户', '', '', '', '', '甲', dup, '户主', '普通劳动力', ''],
      ['', VILLAGE_A, '一般农户', '', '', '', '', '乙', bad, '户主', '普通劳动力', ''],
      ['', VILLAGE_A, '一般农户', '', '', '', '', '丙', dup, '户主', '普通劳动力', ''],
      ['', '411321101999', '一般农户', '', '', '', '', '丁', newId('19770707'), '户主', '普通劳动力', ''],
      ['', VILLAGE_OTHER, '一般农户', '', '', '', '', '戊', newId('19780808'), '户主', '普通劳动力', ''],
      ['', VILLAGE_A, '贫困户', '', '', '', '', '己', newId('19790909'), '户主', '普通劳动力', ''],
    ]);
    const job = await run(Buffer.from(data), 'bad.csv', township);
    expect(job.status).toBe('failed');
    expect(job.message).toContain('未导入任何数据');
    const byRow = (row: number) => job.errors.filter((e: { row: number }) => e.row === row);
    expect(byRow(3)).toEqual([expect.objectContaining({ column: '证件号码', value: bad, message: '身份证号码校验位错误' })]);
    expect(byRow(4)).toEqual([expect.objectContaining({ column: '证件号码', message: '与第 2 行是同一人（证件号码重复）' })]);
    expect(byRow(5)).toEqual([expect.objectContaining({ column: '所属村代码', message: '所属村代码 411321101999 不存在' })]);
    expect(byRow(6)[0].message).toContain('不在您的管辖范围内');
    expect(byRow(7)[0]).toMatchObject({ column: '户类型', message: expect.stringContaining('「户类型」取值无效') });
    expect(byRow(2)).toEqual([]);
    const after = await counts();
    expect({ ...after, jobs: 0 }).toEqual({ ...before, jobs: 0 });

    // the same file with mode=valid_rows imports the one correct household and reports the rest
    const partial = await run(Buffer.from(data), 'bad.csv', township, '?mode=valid_rows');
    expect(partial.status).toBe('succeeded');
    expect(partial).toMatchObject({ householdsWritten: 1, rowsWritten: 1, errorCount: job.errorCount });
    // the report downloads as .xlsx with the same rows
    const rep = await get(township, `/api/imports/${job.id}/report`);
    expect(rep.statusCode).toBe(200);
    const { headers, rows } = await readXlsx(rep.rawPayload);
    expect(headers).toEqual(['行号', '列', '值', '问题']);
    expect(rows).toHaveLength(job.errorCount);
    expect(rows[0]).toEqual(['3', '证件号码', bad, '身份证号码校验位错误']);
  });

  it('refuses an ID already in the registry (import only adds households)', async () => {
    const [existing] = await t.db.query<{ identity_key: string }>('SELECT identity_key FROM person LIMIT 1');
    const job = await run(Buffer.from(csv([['', VILLAGE_A, '一般农户', '', '', '', '', '重复人', existing!.identity_key, '户主', '普通劳动力', '']])));
    expect(job.status).toBe('failed');
    expect(job.errors[0].message).toContain('证件号码已登记在户');
  });

  it('answers 400 for a 0-byte file, 415 for a PNG renamed .xlsx, 413 for a zip bomb; nothing written', async () => {
    const before = await counts();
    const empty = await upload(county, '/api/imports/registry', 'a.xlsx', Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toContain('文件为空');
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100, 1)]);
    const renamed = await upload(county, '/api/imports/registry', '农户.xlsx', png);
    expect(renamed.statusCode).toBe(415);
    expect(renamed.json().error.message).toContain('不是 Excel 文件');
    const bomb = await upload(county, '/api/imports/registry', 'bomb.xlsx', zipBomb());
    expect(bomb.statusCode).toBe(413);
    expect(bomb.json().error.message).toContain('解压后内容异常');
    expect(await counts()).toEqual(before);
  });

  it('refuses roles without import rights (403) and answers 404 for other users\' jobs', async () => {
    const r = await upload(village, '/api/imports/registry', 'a.csv', Buffer.from(csv([])));
    expect(r.statusCode).toBe(403);
    const roster = await upload(township, '/api/roster/imports', 'a.csv', Buffer.from('x'));
    expect(roster.statusCode).toBe(403);
    const [job] = await t.db.query<{ id: number }>(`SELECT id FROM import_job WHERE created_by = $1 LIMIT 1`, [t.userIds.county]);
    expect((await get(township, `/api/imports/${job!.id}`)).statusCode).toBe(404);
  });

  it('remembers a column mapping per template: the same headers reuse it', async () => {
    const keys = BASE.map((k) => (k === 'idNumber' ? '身份证编号' : H(k)));
    const file = Buffer.from([keys.join(','), `,${VILLAGE_B},一般农户,,,,,映射户,${newId('19830303')},户主,普通劳动力,`].join('\n'));
    const first = await upload(county, '/api/imports/registry', 'm.csv', file);
    expect(first.statusCode).toBe(400);
    const preview = await upload(county, '/api/imports/registry/preview', 'm.csv', file);
    expect(preview.json()).toMatchObject({ missing: ['证件号码'], unknown: ['身份证编号'], savedMapping: false });
    const save = await t.app.inject({ method: 'PUT', url: '/api/imports/mappings/registry', headers: { cookie: county }, payload: { headers: keys, mapping: { 身份证编号: 'idNumber' } } });
    expect(save.statusCode, save.body).toBe(200);
    expect(save.json()).toMatchObject({ missing: [], savedMapping: true });
    const badSave = await t.app.inject({ method: 'PUT', url: '/api/imports/mappings/registry', headers: { cookie: county }, payload: { headers: keys, mapping: { 身份证编号: 'nope' } } });
    expect(badSave.statusCode).toBe(400);
    const job = await run(file, 'm.csv');
    expect(job.status, JSON.stringify(job.errors)).toBe('succeeded');
    expect((await get(county, '/api/imports/mappings/registry')).json().items[0].mapping).toEqual({ 身份证编号: 'idNumber' });
  });

  it('imports the 公安 roster: upsert by ID, atomic, summary per township', async () => {
    const header = ROSTER_COLUMNS.filter((c) => c.kind !== 'ignored').map((c) => c.label).join(',');
    const [a, b] = [makeIdCard(COUNTY, '19900101', 501), makeIdCard(COUNTY, '19910202', 502)];
    const ok = await run(Buffer.from(`${header}\n张一,${a},${VILLAGE_A},H001,户主,大沟村1号\n张二,${b},${VILLAGE_B},H002,户主,上官村2号\n`), 'r.csv', county, '', '/api/roster/imports');
    expect(ok.status, JSON.stringify(ok.errors)).toBe('succeeded');
    expect(ok.message).toContain('新增 2 人');
    const again = await run(Buffer.from(`${header}\n张一改,${a},${VILLAGE_A},H001,户主,大沟村9号\n`), 'r2.csv', county, '', '/api/roster/imports');
    expect(again.message).toContain('更新 1 人');
    const [row] = await t.db.query('SELECT name, address, sex, birth_date FROM roster_person WHERE identity_key = $1', [a]);
    expect(row).toMatchObject({ name: '张一改', address: '大沟村9号', sex: 'male', birth_date: '1990-01-01' });
    const bad = await run(Buffer.from(`${header}\n张三,${badCheck(makeIdCard(COUNTY, '19920303', 503))},${VILLAGE_A},,,\n张四,${makeIdCard(COUNTY, '19930303', 505)},411321199999,,,\n`), 'r3.csv', county, '', '/api/roster/imports');
    expect(bad.status).toBe('failed');
    expect(bad.errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([[2, '证件号码'], [3, '所属村代码']]);
    const [{ n }] = (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM roster_person')) as [{ n: number }];
    expect(Number(n)).toBe(2);
    const s = (await get(county, '/api/roster/summary')).json();
    expect(s.total).toBe(2);
    expect(s.townships.find((x: { code: string }) => x.code === '411321101')).toMatchObject({ persons: 2, villages: 2 });
    expect(s.lastImport.id).toBe(bad.id);
  });

  it('exports the filtered list and round-trips into an empty county field by field', async () => {
    // a varied household through the registry API
    const disabled = newId('19600101');
    const body = {
      household: { villageCode: VILLAGE_B, householdType: 'alleviated', alleviationYear: 2018, address: '-1号院', phone: '13912345678', monitorCategory: 'unstable', monitorIdentifiedOn: '2023-04-01', riskTypes: ['illness', 'disaster_flood'], riskEliminated: true, eliminationMethod: 'assisted', eliminatedOn: '2024-01-15', monitorContact: '李联系', helperName: '王帮扶', relocated: true, relocationSite: '幸福小区', dibao: true, waterUnsafe: true },
      members: [
        { name: '回路甲', idNumber: disabled, relation: 'head', labourSkill: 'lost', health: 'disabled', disabilityCategory: 4, disabilityGrade: 2, ethnicity: 'hui', politicalStatus: 'cpc_member', education: 'primary', residentMedicalInsurance: true, pensionInsurance: true, dibao: true },
        { name: '回路乙', idNumber: newId('20100101', false), relation: 'granddaughter', labourSkill: 'none', schoolStatus: 'grade8', criticalIllnessInsurance: true },
        { name: '回路丙', idNumber: newId('19880101'), relation: 'son', labourSkill: 'skilled', workLocation: 'out_province', workMonths: 9, publicWelfarePost: true, postMonths: 3, skillCertificate: true },
      ],
      income: { year: 2024, wageIncome: 30000.5, businessIncome: 2000, propertyIncome: 100, transferIncome: 5000, businessExpense: 1000, claimIncome: 300, outOfPocketExpense: 800 },
    };
    const created = await t.app.inject({ method: 'POST', url: '/api/households', headers: { cookie: county }, payload: body });
    expect(created.statusCode, created.body).toBe(201);

    const exp = await get(county, `/api/exports/households?area=${'411321101'}`);
    expect(exp.statusCode, exp.body).toBe(200);
    const audit = await t.db.query(`SELECT after FROM audit_log WHERE action = 'household.export' ORDER BY id DESC LIMIT 1`);
    expect(audit[0]!.after).toMatchObject({ masked: false, filters: { area: '411321101' } });
    const { headers, rows } = await readXlsx(exp.rawPayload);
    expect(headers).toEqual(REGISTRY_COLUMNS.map((c) => c.label));
    expect(rows.some((r) => r.includes(disabled))).toBe(true);

    // a role that may not reveal gets a masked file (service level: the route is for export roles, who may all reveal)
    const masked = await t.services.imports.imports.exportHouseholds(t.ctxOf('leader'), { area: '411321101' });
    expect(masked.masked).toBe(true);
    const chunks: Buffer[] = [];
    for await (const c of masked.stream) chunks.push(c as Buffer);
    const m = await readXlsx(Buffer.concat(chunks));
    expect(m.rows.every((r) => /\*{4}/.test(r[headers.indexOf('证件号码')]!))).toBe(true);

    // import into a fresh county
    const t2 = await createTestApp(engine);
    try {
      const c2 = await t2.login('county');
      const mp = multipart('export.xlsx', exp.rawPayload);
      const r = await t2.app.inject({ method: 'POST', url: '/api/imports/registry', headers: { cookie: c2, ...mp.headers }, payload: mp.payload });
      expect(r.statusCode, r.body).toBe(202);
      await t2.services.imports.imports.whenIdle();
      const job = (await t2.app.inject({ method: 'GET', url: `/api/imports/${r.json().id}`, headers: { cookie: c2 } })).json();
      expect(job.status, JSON.stringify(job.errors?.slice(0, 5))).toBe('succeeded');

      const scope = `village_code >= '411321101' AND village_code < '411321102'`;
      const skipH = new Set(['id', 'created_at', 'updated_at', 'version', 'helper_user_id', 'report_code']);
      const hs = async (db: TestApp['db']) => (await db.query(`SELECT * FROM household WHERE ${scope} ORDER BY household_no`)).map((h) => Object.fromEntries(Object.entries(h).filter(([k]) => !skipH.has(k))));
      const ps = async (db: TestApp['db']) => (await db.query(`SELECT p.*, h.household_no FROM person p JOIN household h ON h.id = p.household_id WHERE h.${scope} ORDER BY p.identity_key`))
        .map((p) => Object.fromEntries(Object.entries(p).filter(([k]) => !['id', 'household_id', 'created_at', 'updated_at'].includes(k))));
      const inc = async (db: TestApp['db']) => (await db.query(`SELECT i.*, h.household_no FROM household_income i JOIN household h ON h.id = i.household_id AND i.year = h.income_year WHERE h.${scope} ORDER BY h.household_no`))
        .map((i) => Object.fromEntries(Object.entries(i).filter(([k]) => !['household_id', 'updated_at'].includes(k))));
      const [h1, h2] = [await hs(t.db), await hs(t2.db)];
      expect(h1.length).toBeGreaterThan(3);
      expect(h2).toEqual(h1);
      expect(await ps(t2.db)).toEqual(await ps(t.db));
      expect(await inc(t2.db)).toEqual(await inc(t.db));
    } finally {
      await t2.services.imports.imports.whenIdle();
      await t2.close();
    }
  });

  it('refuses a file over the configured limit with 413; nothing written', async () => {
    const small = await createTestApp(engine, { config: { IMPORT_MAX_BYTES: 2000 } });
    try {
      const c = await small.login('county');
      const rows = Array.from({ length: 60 }, (_, i) => ['', VILLAGE_A, '一般农户', '', '', '', '', `人${i}`, newId('19850101'), '户主', '普通劳动力', '']);
      const m = multipart('big.csv', Buffer.from(csv(rows)));
      const r = await small.app.inject({ method: 'POST', url: '/api/imports/registry', headers: { cookie: c, ...m.headers }, payload: m.payload });
      expect(r.statusCode).toBe(413);
      expect(r.json().error.message).toContain('文件超过大小上限');
      const [{ n }] = (await small.db.query<{ n: number }>('SELECT count(*)::int AS n FROM import_job')) as [{ n: number }];
      expect(Number(n)).toBe(0);
    } finally {
      await small.close();
    }
  });
});
