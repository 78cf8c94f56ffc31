import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { availableEngines } from '../../testing/engines.js';
import { SMALL_FILE_BYTES } from './comparison-run.service.js';
import { createTestApp, householdBody, newId, VILLAGE_A, VILLAGE_B, type TestApp } from '../../testing/fixture.js';

const engines = await availableEngines();

function multipart(fileName: string, data: Buffer | string, contentType = 'text/csv') {
  const boundary = '----shouwangcmp' + Math.random().toString(16).slice(2);
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`;
  const payload = Buffer.concat([Buffer.from(head, 'utf8'), Buffer.isBuffer(data) ? data : Buffer.from(data, 'utf8'), Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const MAX = 16 * 1024;

describe.each(engines)('信息比对 on %s', (engine) => {
  let t: TestApp;
  let dept: string;
  let county: string;
  let leader: string;
  let township: string;
  const ids = { ordinary: '', alleviated: '', alleviated2: '', monitored: '', roster: '', nobody: '' };
  let file1 = '';

  const upload = (family: string, fileName: string, data: Buffer | string, cookie = dept, contentType?: string) => {
    const m = multipart(fileName, data, contentType);
    return t.app.inject({ method: 'POST', url: `/api/comparison/runs?family=${encodeURIComponent(family)}`, headers: { cookie, ...m.headers }, payload: m.payload });
  };
  const get = (url: string, cookie = dept) => t.app.inject({ url, headers: { cookie } });
  /** Upload, wait for the run to finish, return it. */
  const runFile = async (family: string, fileName: string, data: Buffer | string, cookie = dept) => {
    const r = await upload(family, fileName, data, cookie);
    expect(r.statusCode, r.body).toBe(202);
    expect(['queued', 'running', 'completed']).toContain(r.json().status);
    await t.services.comparison.runs.idle();
    const done = await get(`/api/comparison/runs/${r.json().id}`, cookie);
    expect(done.statusCode, done.body).toBe(200);
    return done.json();
  };
  const count = async (table: string) => Number((await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n);
  const counts = async () => ({ runs: await count('comparison_run'), warnings: await count('warning'), hits: await count('warning_hit'), issues: await count('comparison_run_issue') });

  beforeAll(async () => {
    t = await createTestApp(engine, { config: { IMPORT_MAX_BYTES: MAX } });
    [dept, county, leader, township] = await Promise.all([t.login('dept'), t.login('county'), t.login('leader'), t.login('township')]);
    const mk = async (village: string, name: string) => {
      const body = householdBody(village, name);
      const r = await t.app.inject({ method: 'POST', url: '/api/households', headers: { cookie: county }, payload: body });
      expect(r.statusCode, r.body).toBe(201);
      return { id: r.json().id as number, head: body.members[0]!.idNumber, spouse: body.members[1]!.idNumber };
    };
    const o = await mk(VILLAGE_A, '王大山');
    const a = await mk(VILLAGE_A, '李小河');
    const m = await mk(VILLAGE_B, '张远方');
    await t.db.query(`UPDATE household SET household_type = 'alleviated', alleviation_year = 2016 WHERE id = $1`, [a.id]);
    await t.db.query(`UPDATE household SET monitor_category = 'marginal', monitor_identified_on = '2024-01-10' WHERE id = $1`, [m.id]);
    ids.ordinary = o.head;
    ids.alleviated = a.head;
    ids.alleviated2 = a.spouse;
    ids.monitored = m.head;
    ids.roster = newId('19881010', true);
    ids.nobody = newId('19900101', false);
    await t.db.query(`INSERT INTO roster_person (identity_key, name, sex, birth_date, village_code) VALUES ($1, '赵底册', 'male', '1988-10-10', $2)`, [ids.roster, VILLAGE_B]);
    file1 = [
      '证件号码,姓名,医保个人自付,医疗总费用',
      `${ids.ordinary},王大山,"23,450",50000`, // row 2: 一般农户 ≥ 20,000 → hit
      `${ids.alleviated},李小河,6000,`, // row 3: 脱贫人口 ≥ 5,000 → hit
      `${ids.monitored},张远方,3000,8000`, // row 4: 监测对象 below 5,000 → no hit
      `${ids.roster},赵底册,25000,`, // row 5: roster-only → 一般农户 → hit
      `${ids.nobody},钱某,30000,`, // row 6: valid, unknown → unmatched
      `12345,孙某,30000,`, // row 7: invalid ID
      `${ids.ordinary},王大山,21000,`, // row 8: same person again → reported; hit attaches to row 2's warning
      `${ids.alleviated2},李小河之妻,,`, // row 9: no 医保个人自付 → missing data
    ].join('\n');
  });
  afterAll(() => t?.close());

  it('seeds the default rules once and lists them with their versions', async () => {
    const r = await get('/api/comparison/rules', township);
    expect(r.statusCode, r.body).toBe(200);
    const medical = r.json().items.find((x: { code: string }) => x.code === 'medical.out_of_pocket');
    expect(medical).toMatchObject({ version: 1, family: 'medical', familyLabel: '医保', active: true, versionCount: 1, thresholds: { outOfPocket: { ordinary: 20000, alleviated: 5000 } } });
    expect(r.json().items).toHaveLength(12);
    await t.services.comparison.rules.ensureSeeded();
    expect(await count('comparison_rule')).toBe(12);
  });

  it('the dept user sees only its own department\'s families, with the template columns', async () => {
    const r = await get('/api/comparison/families');
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().items.map((f: { family: string }) => f.family)).toEqual(['medical']);
    expect(r.json().items[0].columns.filter((c: { required: boolean }) => c.required).map((c: { label: string }) => c.label)).toEqual(['证件号码', '医保个人自付']);
    expect((await get('/api/comparison/families', county)).json().items).toHaveLength(11);
  });

  it('runs a 医保 file: matches registry and roster, lists invalid / unmatched / repeated rows, creates warnings with the why-flagged', async () => {
    const run = await runFile('medical', '医保2024.csv', file1);
    expect(run).toMatchObject({ status: 'completed', statusLabel: '已完成', family: 'medical', departmentCode: 'medical_insurance', fileFormat: 'csv', ruleVersions: ['medical.out_of_pocket@v1'] });
    expect(run.counts).toEqual({ rows: 8, matched: 6, invalidIds: 1, unmatched: 1, duplicates: 1, missingData: 1, hits: 4, created: 3, attached: 1, skipped: 0 });
    expect(run.fileSha256).toMatch(/^[0-9a-f]{64}$/);

    const issues = (await get(`/api/comparison/runs/${run.id}/issues?pageSize=50`)).json();
    expect(issues.items.map((i: { rowNumber: number; kind: string }) => [i.rowNumber, i.kind])).toEqual([[6, 'unmatched'], [7, 'invalid_id'], [8, 'duplicate'], [9, 'missing_data']]);
    expect(issues.items[1].message).toMatch(/^证件号码无效：/);
    expect(issues.items[2].message).toBe('与第2行证件号码重复（同一人在文件中共出现2次：第2、8行）');
    expect(issues.items[3].message).toContain('医保个人自付');
    expect(issues.items[0].idNumber).toMatch(/^4113\*{10}/); // masked for the department user

    const hits = (await get(`/api/comparison/runs/${run.id}/hits`)).json();
    expect(hits.total).toBe(4);
    const row2 = hits.items.find((h: { rowNumber: number }) => h.rowNumber === 2);
    expect(row2).toMatchObject({ subjectName: '王大山', subjectGroup: 'ordinary', ruleCode: 'medical.out_of_pocket', ruleVersion: 1, decision: '新建预警', warningState: 'pushed' });
    expect(row2.explanation).toBe('医保个人自付 23,450 元 ≥ 20,000 元（一般农户，规则 medical.out_of_pocket v1）');
    const row8 = hits.items.find((h: { rowNumber: number }) => h.rowNumber === 8);
    expect(row8).toMatchObject({ decision: '并入未办结预警', warningId: row2.warningId });
    expect(hits.items.find((h: { rowNumber: number }) => h.rowNumber === 3).explanation).toContain('≥ 5,000 元（脱贫人口');

    const [w] = await t.db.query(`SELECT * FROM warning WHERE id = $1`, [row2.warningId]);
    expect(w).toMatchObject({ source: 'comparison', pushing_department_code: 'medical_insurance', state: 'pushed', subject_identity_key: ids.ordinary, subject_group: 'ordinary', rule_code: 'medical.out_of_pocket', village_code: VILLAGE_A, risk_types: ['illness'] });
    const [h] = await t.db.query(`SELECT * FROM warning_hit WHERE warning_id = $1 AND source_row = 2`, [row2.warningId]);
    expect(h.explanation).toMatchObject({ ruleCode: 'medical.out_of_pocket', ruleVersion: 1, rowNumber: 2, file: { name: '医保2024.csv', sha256: run.fileSha256 } });
    expect(h.explanation.triggers[0]).toMatchObject({ field: 'outOfPocket12m', actual: 23450, expected: 20000 });
    expect(h.idempotency_key).toBe(`${run.fileSha256}:2:medical.out_of_pocket@v1`);
    const roster = await t.db.query(`SELECT * FROM warning WHERE subject_identity_key = $1`, [ids.roster]);
    expect(roster).toHaveLength(1);
    expect(roster[0]).toMatchObject({ household_id: null, subject_name: '赵底册', village_code: VILLAGE_B });
    expect(Number(roster[0].roster_person_id)).toBeGreaterThan(0);
    const steps = await t.db.query(`SELECT * FROM workflow_step WHERE machine = 'warning' AND case_id = $1`, [row2.warningId]);
    expect(steps).toMatchObject([{ seq: 1, event: 'open', to_state: 'pushed', actor_id: t.userIds.dept }]);
    expect(await t.db.query(`SELECT * FROM audit_log WHERE entity_type = 'comparison_run' AND entity_id = $1 ORDER BY id`, [String(run.id)])).toHaveLength(2);
  });

  it('re-running the same file creates no new warnings or hits (all skipped)', async () => {
    const before = await counts();
    const run = await runFile('medical', '医保2024-再次上传.csv', file1);
    expect(run.counts).toMatchObject({ rows: 8, hits: 4, created: 0, attached: 0, skipped: 4 });
    const after = await counts();
    expect(after.warnings).toBe(before.warnings);
    expect(after.hits).toBe(before.hits);
  });

  it('a new file with a new row for a person with an open warning of the rule attaches to it', async () => {
    const before = await counts();
    const run = await runFile('medical', '医保2024-补充.csv', `证件号码,医保个人自付\n${ids.ordinary},30000\n`);
    expect(run.counts).toMatchObject({ rows: 1, hits: 1, created: 0, attached: 1 });
    const after = await counts();
    expect(after.warnings).toBe(before.warnings);
    expect(after.hits).toBe(before.hits + 1);
  });

  it('the whole-area map path (big files) decides exactly as the small-file lookup', async () => {
    const svc = t.services.comparison.runs;
    svc.smallFileBytes = 0;
    try {
      const before = await counts();
      const run = await runFile('medical', '医保2024-大文件路径.csv', `${file1}\n`.replace('3000,8000', '3000,8001'));
      expect(run.counts).toEqual({ rows: 8, matched: 6, invalidIds: 1, unmatched: 1, duplicates: 1, missingData: 1, hits: 4, created: 0, attached: 4, skipped: 0 });
      expect((await counts()).warnings).toBe(before.warnings);
    } finally {
      svc.smallFileBytes = SMALL_FILE_BYTES;
    }
  });

  it('reads a real .xlsx (身份证号 accepted for 证件号码; unknown columns reported, not fatal)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('医保');
    ws.addRow(['身份证号', '姓名', '医保个人自付', '备注']);
    ws.addRow([ids.monitored, '张远方', 9800, '住院']);
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    const run = await runFile('medical', '监测户医保.xlsx', data);
    expect(run).toMatchObject({ fileFormat: 'xlsx', headerWarnings: ['以下列不在模板中，将被忽略：备注'] });
    expect(run.counts).toMatchObject({ rows: 1, matched: 1, hits: 1, created: 1 });
    const hits = (await get(`/api/comparison/runs/${run.id}/hits`)).json();
    expect(hits.items[0].explanation).toBe('医保个人自付 9,800 元 ≥ 5,000 元（监测对象，规则 medical.out_of_pocket v1）');
  });

  it('downloads the row issues as .xlsx (audited)', async () => {
    const runs = (await get('/api/comparison/runs?pageSize=100')).json();
    const first = runs.items.find((r: { fileName: string }) => r.fileName === '医保2024.csv');
    const r = await get(`/api/comparison/runs/${first.id}/issues.xlsx`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, '行号', '问题类别', '证件号码', '姓名', '说明']);
    expect(sheet.rowCount).toBe(5);
    expect(sheet.getRow(3).getCell(2).value).toBe('证件号码无效');
    expect(await t.db.query(`SELECT 1 FROM audit_log WHERE action = 'comparison_run.export_issues' AND entity_id = $1`, [String(first.id)])).toHaveLength(1);
  });

  describe('bad input: the right status, a precise message, nothing written', () => {
    const refused = async (res: Awaited<ReturnType<typeof upload>>, status: number, message: string | RegExp) => {
      expect(res.statusCode, res.body).toBe(status);
      const m = res.json().error.message as string;
      if (typeof message === 'string') expect(m).toBe(message);
      else expect(m).toMatch(message);
    };

    it('a missing required column is one error naming it', async () => {
      const before = await counts();
      const r = await upload('medical', '缺列.csv', `证件号码,姓名,医疗总费用\n${ids.ordinary},王大山,1000\n`);
      await refused(r, 400, '表头不符合「医保」比对模板：缺少必填列「医保个人自付」');
      expect(r.json().error.fields).toEqual([{ field: 'file', message: '缺少必填列「医保个人自付」' }]);
      expect(await counts()).toEqual(before);
    });

    it('another department\'s family → 403; an unknown family → 400', async () => {
      const before = await counts();
      await refused(await upload('education', '教育.csv', `证件号码,失学辍学\n${ids.ordinary},是\n`), 403, /「教育」数据只能由/);
      await refused(await upload('lottery', 'x.csv', `证件号码\n${ids.ordinary}\n`), 400, /^未知的比对数据类别「lottery」/);
      await refused(await upload('medical', 'x.csv', 'x', leader), 403, '当前角色无权执行此操作');
      expect(await counts()).toEqual(before);
    });

    it('an empty file → 400, garbage (an image) → 415, oversize → 413', async () => {
      const before = await counts();
      await refused(await upload('medical', '空.csv', ''), 400, /文件为空/);
      const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
      await refused(await upload('medical', '医保.csv', png, dept, 'image/png'), 415, /不是表格/);
      await refused(await upload('medical', '大.csv', `证件号码,医保个人自付\n${`${ids.ordinary},1\n`.repeat(Math.ceil(MAX / 20) + 10)}`), 413, /文件超过上限/);
      expect(await counts()).toEqual(before);
    });

    it('a header-only file is a completed run with no rows', async () => {
      const run = await runFile('medical', '仅表头.csv', '证件号码,医保个人自付\n');
      expect(run.counts).toMatchObject({ rows: 0, hits: 0 });
    });
  });

  describe('rules as data', () => {
    const medicalV1 = async () => (await get('/api/comparison/rules', county)).json().items.find((x: { code: string }) => x.code === 'medical.out_of_pocket');
    const edit = (body: Record<string, unknown>, cookie = county) =>
      t.app.inject({ method: 'PUT', url: '/api/comparison/rules/medical.out_of_pocket', headers: { cookie }, payload: body });

    it('the county office edits a threshold → a new version; the old one is kept; audited; runs record v2', async () => {
      const v1 = await medicalV1();
      const body = { baseVersion: v1.version, label: v1.label, appliesTo: v1.appliesTo, thresholds: { outOfPocket: { ordinary: 15000, alleviated: 5000, monitored: 5000 } }, output: v1.output, active: true, changeReason: '县里提高关注度' };
      expect((await edit(body, dept)).statusCode).toBe(403);
      const r = await edit(body);
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json()).toMatchObject({ version: 2, changeReason: '县里提高关注度', createdByName: '测试county' });
      const versions = (await get('/api/comparison/rules/medical.out_of_pocket/versions', leader)).json().items;
      expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
      expect(versions[1].thresholds.outOfPocket.ordinary).toBe(20000);
      expect(await t.db.query(`SELECT 1 FROM audit_log WHERE action = 'comparison_rule.update' AND entity_id = 'medical.out_of_pocket'`)).toHaveLength(1);
      // A stale edit is refused.
      expect((await edit(body)).statusCode).toBe(409);

      // Re-running the first file under v2: new keys, but the open warnings of the rule take the hits (attach).
      const before = await counts();
      const run = await runFile('medical', '医保2024.csv', file1);
      expect(run.ruleVersions).toEqual(['medical.out_of_pocket@v2']);
      expect(run.counts).toMatchObject({ hits: 4, created: 0, attached: 4, skipped: 0 });
      expect((await counts()).warnings).toBe(before.warnings);
    });

    it('refuses an invalid edit with the domain\'s message and writes nothing', async () => {
      const v = await medicalV1();
      const n = await count('comparison_rule');
      const r = await edit({ baseVersion: v.version, label: v.label, appliesTo: ['ordinary', 'alleviated'], thresholds: { outOfPocket: { ordinary: -1 } }, output: v.output, active: true, changeReason: '试' });
      expect(r.statusCode).toBe(400);
      expect(r.json().error.message).toBe('规则无效：一般农户的阈值「outOfPocket」应为非负数；缺少脱贫人口的阈值「outOfPocket」');
      expect(r.json().error.fields[0]).toEqual({ field: 'thresholds', message: '一般农户的阈值「outOfPocket」应为非负数' });
      const same = await edit({ baseVersion: v.version, label: v.label, appliesTo: v.appliesTo, thresholds: v.thresholds, output: v.output, active: true, changeReason: '无变化' });
      expect(same.statusCode).toBe(400);
      expect(same.json().error.message).toBe('规则内容未修改，无需保存');
      const noReason = await edit({ baseVersion: v.version, label: v.label, appliesTo: v.appliesTo, thresholds: v.thresholds, output: v.output, active: false, changeReason: ' ' });
      expect(noReason.statusCode).toBe(400);
      expect(await count('comparison_rule')).toBe(n);
    });

    it('switching a rule off is a new version; a family without active rules cannot run', async () => {
      const v = await medicalV1();
      const r = await edit({ baseVersion: v.version, label: v.label, appliesTo: v.appliesTo, thresholds: v.thresholds, output: v.output, active: false, changeReason: '暂停使用' });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json()).toMatchObject({ version: v.version + 1, active: false });
      const before = await counts();
      const u = await upload('medical', '医保.csv', file1);
      expect(u.statusCode).toBe(400);
      expect(u.json().error.message).toBe('「医保」没有启用的比对规则，请先在比对规则中启用');
      expect(await counts()).toEqual(before);
      const back = await edit({ baseVersion: v.version + 1, label: v.label, appliesTo: v.appliesTo, thresholds: v.thresholds, output: v.output, active: true, changeReason: '恢复' });
      expect(back.json()).toMatchObject({ version: v.version + 2, active: true });
    });
  });

  it('scope: the department sees its own runs only; the county office and leaders see all', async () => {
    const run = await runFile('education', '教育辍学.csv', `证件号码,失学辍学\n${ids.alleviated2},是\n`, county);
    expect(run).toMatchObject({ status: 'completed', departmentCode: 'education' });
    expect(run.counts).toMatchObject({ hits: 1, created: 1 });
    expect((await get(`/api/comparison/runs/${run.id}`)).statusCode).toBe(404);
    expect((await get('/api/comparison/runs?pageSize=100')).json().items.every((r: { departmentCode: string }) => r.departmentCode === 'medical_insurance')).toBe(true);
    expect((await get(`/api/comparison/runs/${run.id}`, leader)).statusCode).toBe(200);
    const [w] = await t.db.query(`SELECT pushing_department_code, created_by FROM warning WHERE rule_code = 'education.dropout'`);
    expect(w).toMatchObject({ pushing_department_code: 'education', created_by: t.userIds.county });
    // The county office sees whole ID numbers in the issue list; township cadres cannot read runs.
    expect((await get(`/api/comparison/runs/${run.id}`, township)).statusCode).toBe(403);
  });
});
