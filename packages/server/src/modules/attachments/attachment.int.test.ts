import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableEngines } from '../../testing/engines.js';
import { createTestApp, type TestApp } from '../../testing/fixture.js';

const engines = await availableEngines();

/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

function multipart(fileName: string, data: Buffer, contentType = 'image/png') {
  const boundary = '----shouwangtest' + Math.random().toString(16).slice(2);
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`;
  const payload = Buffer.concat([Buffer.from(head, 'utf8'), data, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe.each(engines)('attachments on %s', (engine) => {
  let t: TestApp;
  let own = 0;
  let other = 0;
  let dept = '';
  const MAX = 64 * 1024;

  beforeAll(async () => {
    t = await createTestApp(engine, { attachmentMaxBytes: MAX });
    const mk = async (code: string) => {
      const [sc] = await t.db.query<{ id: number }>(`INSERT INTO self_check (department_code, month, status, due_date) VALUES ($1, '2026-02', 'draft', '2026-03-05') RETURNING id`, [code]);
      const [r] = await t.db.query<{ id: number }>(`INSERT INTO rectification (self_check_id, department_code, problem, deadline) VALUES ($1, $2, '问题', '2026-04-01') RETURNING id`, [sc!.id, code]);
      return Number(r!.id);
    };
    own = await mk('medical_insurance');
    other = await mk('education');
    dept = await t.login('dept');
  });
  afterAll(() => t?.close());

  const upload = (id: number, file: ReturnType<typeof multipart>, cookie = dept) =>
    t.app.inject({ method: 'POST', url: `/api/rectifications/${id}/attachments`, headers: { cookie, ...file.headers }, payload: file.payload });

  it('stores a photo, lists it, serves the same bytes, and audits the upload', async () => {
    const r = await upload(own, multipart('整改后照片.png', PNG));
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ fileName: '整改后照片.png', contentType: 'image/png', sizeBytes: PNG.length });
    const list = await t.app.inject({ url: `/api/rectifications/${own}/attachments`, headers: { cookie: await t.login('county') } });
    expect(list.json().items).toHaveLength(1);
    const get = await t.app.inject({ url: `/api/attachments/${r.json().id}`, headers: { cookie: await t.login('inspector') } });
    expect(get.statusCode).toBe(200);
    expect(get.headers['content-type']).toBe('image/png');
    expect(Buffer.from(get.rawPayload).equals(PNG)).toBe(true);
    const audit = await t.db.query(`SELECT * FROM audit_log WHERE action = 'attachment.upload' AND entity_id = $1`, [String(own)]);
    expect(audit).toHaveLength(1);
  });

  it('reads the type from the bytes: a text file named .png is refused with 415', async () => {
    const r = await upload(own, multipart('fake.png', Buffer.from('not really an image at all')));
    expect(r.statusCode).toBe(415);
    expect(r.json().error.message).toBe('只接受 JPEG、PNG、WebP 图片或 PDF 文档');
  });

  it('refuses an oversized file with 413, an empty one with 400, a non-multipart body with 415, and stores nothing', async () => {
    const before = (await t.db.query('SELECT count(*) AS n FROM attachment'))[0]!.n;
    const big = Buffer.concat([PNG, Buffer.alloc(MAX)]);
    const r413 = await upload(own, multipart('big.png', big));
    expect(r413.statusCode).toBe(413);
    const r400 = await upload(own, multipart('empty.png', Buffer.alloc(0)));
    expect(r400.statusCode).toBe(400);
    expect(r400.json().error.message).toBe('文件为空');
    const r415 = await t.app.inject({ method: 'POST', url: `/api/rectifications/${own}/attachments`, headers: { cookie: dept }, payload: { file: 'x' } });
    expect(r415.statusCode).toBe(415);
    expect((await t.db.query('SELECT count(*) AS n FROM attachment'))[0]!.n).toBe(before);
  });

  it("keeps departments apart: another department's record answers 404, a read-only role 403", async () => {
    expect((await upload(other, multipart('x.png', PNG))).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/rectifications/${other}/attachments`, headers: { cookie: dept } })).statusCode).toBe(404);
    const [a] = await t.db.query<{ id: number }>(`INSERT INTO attachment (owner_type, owner_id, file_name, content_type, size_bytes, sha256, data) VALUES ('rectification', $1, 'o.png', 'image/png', $2, 'x', $3) RETURNING id`, [other, PNG.length, PNG]);
    expect((await t.app.inject({ url: `/api/attachments/${a!.id}`, headers: { cookie: dept } })).statusCode).toBe(404);
    expect((await upload(own, multipart('x.png', PNG), await t.login('leader'))).statusCode).toBe(403);
  });
});
