import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableEngines } from '../../testing/engines.js';
import { createTestApp, type TestApp } from '../../testing/fixture.js';

const engines = await availableEngines();

describe.each(engines)('auth on %s', (engine) => {
  let t: TestApp;
  let now = new Date('2026-03-01T08:00:00Z');
  beforeAll(async () => {
    t = await createTestApp(engine, { clock: () => now });
  });
  afterAll(() => t?.close());

  const login = (username: string, password: string) => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

  it('logs in with an httpOnly SameSite=Strict cookie, reports me, and logs out', async () => {
    const r = await login('village', 'Test@12345');
    expect(r.statusCode).toBe(200);
    const c = r.cookies.find((x) => x.name === 'sw_session')!;
    expect(c.httpOnly).toBe(true);
    expect(c.sameSite).toBe('Strict');
    const cookie = `sw_session=${c.value}`;
    const me = await t.app.inject({ url: '/api/auth/me', headers: { cookie } });
    expect(me.json().user).toMatchObject({ username: 'village', role: 'village_cadre', areaName: '大沟村' });
    expect(me.json().user.permissions).toContain('household:read');
    expect(me.json().user.today).toBe('2026-03-01'); // the server's business date, for the web's defaults
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } })).statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('stores no password or token in clear', async () => {
    const rows = await t.db.query(`SELECT password_hash FROM user_account WHERE username = 'county'`);
    expect(rows[0]!.password_hash).toMatch(/^\$argon2id\$/);
    const r = await login('county', 'Test@12345');
    const token = r.cookies.find((x) => x.name === 'sw_session')!.value;
    expect((await t.db.query('SELECT 1 FROM user_session WHERE id = $1', [token])).length).toBe(0);
  });

  it('locks the account after five wrong passwords for 15 minutes, with a clear message', async () => {
    for (let i = 1; i <= 4; i++) {
      const r = await login('township', 'wrong-password');
      expect(r.statusCode).toBe(401);
      expect(r.json().error.message).toContain(`再错 ${5 - i} 次`);
    }
    const fifth = await login('township', 'wrong-password');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().error.message).toContain('锁定15分钟');
    const sixth = await login('township', 'Test@12345');
    expect(sixth.statusCode).toBe(423);
    expect(sixth.json().error.message).toContain('账号已被锁定');
    now = new Date(now.getTime() + 16 * 60_000);
    expect((await login('township', 'Test@12345')).statusCode).toBe(200);
  });

  it('expires sessions after the configured time', async () => {
    const r = await login('leader', 'Test@12345');
    const cookie = `sw_session=${r.cookies.find((x) => x.name === 'sw_session')!.value}`;
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(200);
    now = new Date(now.getTime() + 9 * 3600_000);
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('answers a wrong user the same as a wrong password', async () => {
    const r = await login('nobody', 'x');
    expect(r.statusCode).toBe(401);
    expect(r.json().error.message).toBe('用户名或密码错误');
  });
});
