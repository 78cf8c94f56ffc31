import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableEngines } from '../../testing/engines.js';
import { createTestApp, VILLAGE_A, type TestApp } from '../../testing/fixture.js';

const engines = await availableEngines();

describe.each(engines)('user administration on %s', (engine) => {
  let t: TestApp;
  let admin = '';
  beforeAll(async () => {
    t = await createTestApp(engine);
    admin = await t.login('admin');
  });
  afterAll(() => t?.close());

  const post = (url: string, payload: object) => t.app.inject({ method: 'POST', url, headers: { cookie: admin }, payload });
  const put = (url: string, payload: object) => t.app.inject({ method: 'PUT', url, headers: { cookie: admin }, payload });

  it('creates a village user who can log in, and lists it with its area name; audited without the password', async () => {
    const r = await post('/api/users', { username: 'wangcun', displayName: '王村干', role: 'village_cadre', areaCode: VILLAGE_A, password: 'Cungan123' });
    expect(r.statusCode, r.body).toBe(201);
    expect((await t.login('wangcun', 'Cungan123')).startsWith('sw_session=')).toBe(true);
    const list = (await t.app.inject({ url: '/api/users?q=wangcun', headers: { cookie: admin } })).json();
    expect(list.items[0]).toMatchObject({ username: 'wangcun', areaName: '大沟村', active: true });
    expect(list.items[0].passwordHash).toBeUndefined();
    const audit = await t.db.query(`SELECT after FROM audit_log WHERE action = 'user.create' AND entity_id = $1`, [String(r.json().id)]);
    expect(JSON.stringify(audit[0]!.after)).not.toContain('Cungan123');
  });

  it.each([
    [{ username: 'wangcun', displayName: 'x', role: 'village_cadre', areaCode: VILLAGE_A, password: 'Abcdef123' }, 409, '已存在'],
    [{ username: 'bad', displayName: 'x', role: 'village_cadre', areaCode: '411321101', password: 'Abcdef123' }, 400, '村级区域'],
    [{ username: 'dep2', displayName: 'x', role: 'department_user', areaCode: '411321', password: 'Abcdef123' }, 400, '部门'],
    [{ username: 'weak', displayName: 'x', role: 'county_leader', areaCode: '411321', password: 'short' }, 400, '密码至少8位'],
    [{ username: 'far', displayName: 'x', role: 'county_leader', areaCode: '411323', password: 'Abcdef123' }, 400, '区域'],
  ])('refuses %o with %i', async (body, status, text) => {
    const r = await post('/api/users', body);
    expect(r.statusCode, r.body).toBe(status);
    expect(r.json().error.message).toContain(text);
  });

  it('resets a password, which also unlocks the account and ends its sessions', async () => {
    for (let i = 0; i < 5; i++) await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'township', password: 'nope-nope' } });
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'township', password: 'Test@12345' } })).statusCode).toBe(423);
    const r = await post(`/api/users/${t.userIds.township}/reset-password`, { password: 'Newpass123' });
    expect(r.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'township', password: 'Newpass123' } })).statusCode).toBe(200);
  });

  it('deactivates a user: sessions end and login is refused; an admin cannot deactivate itself', async () => {
    const cookie = await t.login('inspector');
    const r = await put(`/api/users/${t.userIds.inspector}`, { displayName: '测试inspector', role: 'inspector', areaCode: '411321', active: false });
    expect(r.statusCode, r.body).toBe(200);
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'inspector', password: 'Test@12345' } })).statusCode).toBe(401);
    const self = await put(`/api/users/${t.userIds.admin}`, { displayName: 'a', role: 'admin', areaCode: '411321', active: false });
    expect(self.statusCode).toBe(400);
  });
});
