import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableEngines } from '../../testing/engines.js';
import { createTestApp, householdBody, VILLAGE_A, VILLAGE_B, VILLAGE_OTHER, type TestApp } from '../../testing/fixture.js';

const engines = await availableEngines();

/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0, 0, 0, 0]), Buffer.from('WEBPVP8 '), Buffer.alloc(20)]);
const MAX = 64 * 1024;

function form(fields: Record<string, string | string[]>, photos: { name: string; data: Buffer; field?: string }[] = []) {
  const boundary = '----swselfreport' + Math.random().toString(16).slice(2);
  const chunks: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    for (const one of [v].flat()) chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${one}\r\n`, 'utf8'));
  }
  for (const p of photos) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.field ?? 'photos'}"; filename="${p.name}"\r\nContent-Type: image/png\r\n\r\n`, 'utf8'), p.data, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe.each(engines)('self-report (一码通) on %s', (engine) => {
  let t: TestApp;
  let county: string;
  let village: string;
  let township: string;
  const ids: Record<string, number> = {};
  const codes: Record<string, string> = {};

  const post = (code: string, ip: string, body: object) =>
    t.app.inject({ method: 'POST', url: `/api/public/self-report/${code}`, remoteAddress: ip, payload: body });
  const postForm = (code: string, ip: string, f: ReturnType<typeof form>) =>
    t.app.inject({ method: 'POST', url: `/api/public/self-report/${code}`, remoteAddress: ip, headers: f.headers, payload: f.payload });
  const count = async (table: string) => Number((await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n);
  const get = (cookie: string, url: string) => t.app.inject({ url, headers: { cookie } });

  beforeAll(async () => {
    t = await createTestApp(engine, { attachmentMaxBytes: MAX, config: { SELF_REPORT_MAX_PER_CLIENT: 3, SELF_REPORT_MAX_PER_HOUSEHOLD: 2, SELF_REPORT_WINDOW_MINUTES: 60 } });
    [county, village, township] = await Promise.all([t.login('county'), t.login('village'), t.login('township')]);
    for (const [key, v, name] of [['a', VILLAGE_A, '王大山'], ['a2', VILLAGE_A, '刘二水'], ['b', VILLAGE_B, '李小河'], ['o', VILLAGE_OTHER, '张远方']] as const) {
      const r = await t.app.inject({ method: 'POST', url: '/api/households', headers: { cookie: county }, payload: householdBody(v, name) });
      expect(r.statusCode, r.body).toBe(201);
      ids[key] = r.json().id;
      codes[key] = (await t.db.query<{ report_code: string }>('SELECT report_code FROM household WHERE id = $1', [ids[key]]))[0]!.report_code;
    }
  });
  afterAll(() => t?.close());

  it('gives every household a distinct 32-hex report code by default', async () => {
    expect(codes.a).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(Object.values(codes)).size).toBe(4);
  });

  it('public GET shows the village name and no personal data', async () => {
    const r = await t.app.inject({ url: `/api/public/self-report/${codes.a}` });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ villageName: expect.stringContaining('大沟'), reports: [] });
    const persons = await t.db.query<{ name: string; id_number: string }>('SELECT name, id_number FROM person WHERE household_id = $1', [ids.a]);
    const hh = (await t.db.query<{ household_no: string }>('SELECT household_no FROM household WHERE id = $1', [ids.a]))[0]!;
    for (const p of persons) {
      expect(r.body).not.toContain(p.name);
      expect(r.body).not.toContain(p.id_number);
    }
    expect(r.body).not.toContain('13800001234');
    expect(r.body).not.toContain(hh.household_no);
    expect(r.body).not.toContain('测试地址');
  });

  it('answers 404 with a kind message for an unknown or malformed code', async () => {
    for (const code of ['0123456789abcdef0123456789abcdef', 'nonsense', String(ids.a)]) {
      const g = await t.app.inject({ url: `/api/public/self-report/${code}` });
      expect(g.statusCode).toBe(404);
      expect(g.json().error.message).toContain('没有找到这个二维码对应的农户');
      const p = await post(code, '10.0.0.1', { hardships: ['illness'], description: '住院' });
      expect(p.statusCode).toBe(404);
    }
  });

  it('turns a report into a warning for the village, audited with the client address; the farmer sees 已提交', async () => {
    const r = await post(codes.a, '10.0.0.1', { hardships: ['illness', 'housing'], description: '父亲住院花了三万多元', phone: '13912345678' });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ status: 'submitted', statusLabel: '已提交' });
    const [w] = await t.db.query(`SELECT w.*, s.client_ip FROM warning w JOIN self_report s ON s.warning_id = w.id WHERE w.household_id = $1`, [ids.a]);
    expect(w).toMatchObject({ source: 'self_report', village_code: VILLAGE_A, state: 'pushed', pushing_department_code: null, created_by: null, subject_name: '王大山', client_ip: '10.0.0.1' });
    expect(w!.risk_types).toEqual(['illness', 'other']);
    const hits = await t.db.query(`SELECT * FROM warning_hit WHERE warning_id = $1`, [w!.id]);
    expect(hits).toMatchObject([{ source_type: 'self_report' }]);
    const steps = await t.db.query(`SELECT * FROM workflow_step WHERE machine = 'warning' AND case_id = $1`, [w!.id]);
    expect(steps).toMatchObject([{ actor_id: null, actor_role: 'public', to_state: 'pushed' }]);
    const audit = await t.db.query(`SELECT * FROM audit_log WHERE action = 'self_report.submit'`);
    expect(audit).toMatchObject([{ user_id: null, client_ip: '10.0.0.1', entity_type: 'self_report' }]);

    const view = (await t.app.inject({ url: `/api/public/self-report/${codes.a}` })).json();
    expect(view.reports).toMatchObject([{ hardships: ['生病或住院', '住房不安全'], description: '父亲住院花了三万多元', statusLabel: '已提交', photoCount: 0 }]);
    expect(JSON.stringify(view)).not.toContain('13912345678');
  });

  it('stores photos as attachments of the warning without an uploader; the village can open them', async () => {
    const r = await postForm(codes.a, '10.0.0.2', form({ hardships: ['disaster', 'water'], description: '暴雨冲毁了院墙', phone: '' }, [{ name: '院墙.png', data: PNG }]));
    expect(r.statusCode, r.body).toBe(201);
    const [a] = await t.db.query(`SELECT a.* FROM attachment a JOIN self_report s ON s.warning_id = a.owner_id AND a.owner_type = 'warning' WHERE s.household_id = $1`, [ids.a]);
    expect(a).toMatchObject({ file_name: '院墙.png', content_type: 'image/png', uploaded_by: null });
    const dl = await get(village, `/api/attachments/${a!.id}`);
    expect(dl.statusCode).toBe(200);
    expect(Buffer.from(dl.rawPayload).equals(PNG)).toBe(true);
  });

  it('limits reports per household within the window (429), whatever the client', async () => {
    const before = await count('self_report');
    const r = await post(codes.a, '10.0.0.3', { hardships: ['other'], description: '再报一次' });
    expect(r.statusCode).toBe(429);
    expect(r.json().error.message).toContain('本户1小时内已提交2次申报');
    expect(await count('self_report')).toBe(before);
  });

  it('limits a flooding client (429) while a different client still gets through', async () => {
    expect((await post(codes.a2, '10.0.0.9', { hardships: ['illness'], description: '一' })).statusCode).toBe(201);
    expect((await post(codes.b, '10.0.0.9', { hardships: ['illness'], description: '二' })).statusCode).toBe(201);
    expect((await post(codes.o, '10.0.0.9', { hardships: ['illness'], description: '三' })).statusCode).toBe(201);
    const flood = await post(codes.b, '10.0.0.9', { hardships: ['illness'], description: '四' });
    expect(flood.statusCode).toBe(429);
    expect(flood.json().error.message).toBe('提交过于频繁：同一网络1小时内最多提交3次，请稍后再试');
    expect((await post(codes.b, '10.0.0.10', { hardships: ['job_loss'], description: '失业了' })).statusCode).toBe(201);
  });

  it('counts only reports inside the window (the limit is read from the database)', async () => {
    await t.db.query(`UPDATE self_report SET submitted_at = submitted_at - interval '2 hours' WHERE household_id = $1`, [ids.a]);
    const r = await post(codes.a, '10.0.0.4', { hardships: ['schooling'], description: '孩子学费困难' });
    expect(r.statusCode, r.body).toBe(201);
  });

  describe('bad input changes nothing', () => {
    let before: Record<string, number>;
    beforeAll(async () => {
      before = { self_report: await count('self_report'), warning: await count('warning'), attachment: await count('attachment') };
    });
    afterAll(async () => {
      expect({ self_report: await count('self_report'), warning: await count('warning'), attachment: await count('attachment') }).toEqual(before);
    });

    it('text too long → 400 naming the field', async () => {
      const r = await post(codes.a2, '10.1.0.1', { hardships: ['illness'], description: '病'.repeat(501) });
      expect(r.statusCode).toBe(400);
      expect(r.json().error).toMatchObject({ message: '情况说明不能超过500字（当前501字）', fields: [{ field: 'description' }] });
      const m = await postForm(codes.a2, '10.1.0.1', form({ hardships: 'illness', description: '病'.repeat(501) }));
      expect(m.statusCode).toBe(400);
    });

    it('no hardship, an unknown hardship or a bad phone → 400', async () => {
      expect((await post(codes.a2, '10.1.0.1', { hardships: [], description: '住院' })).json().error.message).toBe('请至少选择一项困难类型');
      expect((await post(codes.a2, '10.1.0.1', { hardships: ['lottery'], description: '住院' })).statusCode).toBe(400);
      const p = await post(codes.a2, '10.1.0.1', { hardships: ['illness'], description: '住院', phone: '123' });
      expect(p.statusCode).toBe(400);
      expect(p.json().error.fields).toEqual([{ field: 'phone', message: '联系电话格式不正确（11位手机号或带区号的固定电话）' }]);
    });

    it('photo too big → 413', async () => {
      const r = await postForm(codes.a2, '10.1.0.1', form({ hardships: 'illness', description: '住院' }, [{ name: 'big.png', data: Buffer.concat([PNG, Buffer.alloc(MAX + 10)]) }]));
      expect(r.statusCode).toBe(413);
      expect(r.json().error.message).toBe('第1张照片过大：每张不超过 0.1 MB');
    });

    it('wrong photo type (read from the bytes) → 415, WebP too', async () => {
      const r = await postForm(codes.a2, '10.1.0.1', form({ hardships: 'illness', description: '住院' }, [{ name: 'fake.png', data: Buffer.from('not an image at all') }]));
      expect(r.statusCode).toBe(415);
      expect(r.json().error.message).toBe('第1张照片格式不支持：只接受 JPEG 或 PNG 图片');
      const w = await postForm(codes.a2, '10.1.0.1', form({ hardships: 'illness', description: '住院' }, [{ name: 'a.png', data: PNG }, { name: 'b.webp', data: WEBP }]));
      expect(w.statusCode).toBe(415);
      expect(w.json().error.message).toContain('第2张照片');
    });

    it('more than three photos → 400', async () => {
      const four = [1, 2, 3, 4].map((i) => ({ name: `${i}.png`, data: PNG }));
      const r = await postForm(codes.a2, '10.1.0.1', form({ hardships: 'illness', description: '住院' }, four));
      expect(r.statusCode).toBe(400);
      expect(r.json().error.message).toBe('最多上传3张照片');
    });
  });

  it('the village sees its self-reports with a link to the warning, not another village\'s; the township sees both', async () => {
    const v = await get(village, '/api/self-reports');
    expect(v.statusCode).toBe(200);
    const vItems = v.json().items as { villageCode: string; warningId: number; statusLabel: string; phone: string | null }[];
    expect(vItems.length).toBeGreaterThan(0);
    expect(vItems.every((i) => i.villageCode === VILLAGE_A)).toBe(true);
    expect(vItems.find((i) => i.phone)?.phone).toBe('139****5678');
    expect(vItems[0]!.warningId).toBeGreaterThan(0);
    const tw = (await get(township, '/api/self-reports')).json().items as { villageCode: string }[];
    expect(new Set(tw.map((i) => i.villageCode))).toEqual(new Set([VILLAGE_A, VILLAGE_B]));
    const all = (await get(county, '/api/self-reports')).json();
    expect(all.items.map((i: { villageCode: string }) => i.villageCode)).toContain(VILLAGE_OTHER);
    expect((await get(village, `/api/self-reports?area=${VILLAGE_OTHER}`)).json().total).toBe(0);
    expect((await get(county, '/api/self-reports?status=closed')).json().total).toBe(0);
    expect((await get(await t.login('dept'), '/api/self-reports')).statusCode).toBe(403);
  });

  it('prints a household card with the QR code of its public page, masked head name, audited; 404 outside the area', async () => {
    const r = await t.app.inject({ url: `/api/households/${ids.a}/card`, headers: { cookie: village, host: 'sw.example.cn' } });
    expect(r.statusCode, r.body).toBe(200);
    const c = r.json();
    expect(c).toMatchObject({ code: codes.a, url: `http://sw.example.cn/r/${codes.a}`, headName: '王**', householdId: ids.a });
    expect(c.qrDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(c.text.whatToReport.join('')).toContain('饮水');
    expect(c.villageContacts).toEqual(['测试village']);
    expect(await t.db.query(`SELECT * FROM audit_log WHERE action = 'household.card_view' AND entity_id = $1`, [String(ids.a)])).toHaveLength(1);
    expect((await get(village, `/api/households/${ids.o}/card`)).statusCode).toBe(404);
    expect((await get(await t.login('helper'), `/api/households/${ids.a}/card`)).statusCode).toBe(404);
  });

  it('prints all cards of a village in one batch; a township code is refused', async () => {
    const r = await get(village, `/api/household-cards?village=${VILLAGE_A}`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().items.map((c: { householdId: number }) => c.householdId).sort()).toEqual([ids.a, ids.a2].sort());
    expect((await get(village, `/api/household-cards?village=${VILLAGE_OTHER}`)).statusCode).toBe(404);
    expect((await get(county, '/api/household-cards?village=411321101')).statusCode).toBe(400);
  });
});
