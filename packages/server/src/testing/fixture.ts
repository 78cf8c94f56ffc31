/** An app on a fresh database with one user per role and a few households, for integration tests via app.inject. */
import type { FastifyInstance } from 'fastify';
import { makeIdCard, type Role } from '@shouwang/domain';
import type { Db } from '../db/db.js';
import { prepareDatabase } from '../bootstrap.js';
import { createServices, type ServiceConfig, type Services } from '../services.js';
import { buildApp } from '../app.js';
import type { Clock } from '../clock.js';
import { hashPassword } from '../modules/auth/password.js';
import { freshDb, type Engine } from './engines.js';
import type { AuthedContext } from '../http/context.js';

export const COUNTY = '411321';
export const TOWNSHIP = '411321101'; // 留山镇
export const VILLAGE_A = '411321101200'; // 大沟村 (留山镇)
export const VILLAGE_B = '411321101201'; // 上官村 (留山镇)
export const VILLAGE_OTHER = '411321105200'; // 天云村 (板山坪镇)
export const PASSWORD = 'Test@12345';

export const USERS: { username: string; role: Role; area: string; department?: string }[] = [
  { username: 'admin', role: 'admin', area: COUNTY },
  { username: 'county', role: 'county_office', area: COUNTY },
  { username: 'leader', role: 'county_leader', area: COUNTY },
  { username: 'township', role: 'township_cadre', area: TOWNSHIP },
  { username: 'village', role: 'village_cadre', area: VILLAGE_A },
  { username: 'dept', role: 'department_user', area: COUNTY, department: 'medical_insurance' },
  { username: 'helper', role: 'helper', area: COUNTY },
  { username: 'inspector', role: 'inspector', area: COUNTY },
];

let seq = 100;
/** A valid, unique ID number for a person born on `ymd` (YYYYMMDD). */
export const newId = (ymd = '19800101', male = true) => makeIdCard(COUNTY, ymd, (seq += 2) + (male ? 1 : 0));

export function householdBody(village: string, headName: string, extra: Record<string, unknown> = {}) {
  return {
    household: { villageCode: village, householdType: 'ordinary', address: '测试地址1号', phone: '13800001234', riskTypes: [], ...extra },
    members: [
      { name: headName, idNumber: newId('19700315', true), relation: 'head', labourSkill: 'ordinary' },
      { name: `${headName}之妻`, idNumber: newId('19720520', false), relation: 'spouse', labourSkill: 'ordinary' },
    ],
  };
}

export interface TestApp {
  engine: Engine;
  db: Db;
  app: FastifyInstance;
  services: Services;
  userIds: Record<string, number>;
  /** Cookie header of a fresh session for `username`. */
  login(username: string, password?: string): Promise<string>;
  ctxOf(username: string): AuthedContext;
  close(): Promise<void>;
}

export async function createTestApp(engine: Engine, opts: { clock?: Clock; bodyLimit?: number; attachmentMaxBytes?: number; config?: Partial<ServiceConfig> } = {}): Promise<TestApp> {
  const { db, drop } = await freshDb(engine);
  await prepareDatabase(db, [COUNTY]);
  const hash = await hashPassword(PASSWORD);
  const userIds: Record<string, number> = {};
  for (const u of USERS) {
    const [row] = await db.query<{ id: number }>(
      `INSERT INTO user_account (username, display_name, password_hash, role, area_code, department_code) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [u.username, `测试${u.username}`, hash, u.role, u.area, u.department ?? null],
    );
    userIds[u.username] = Number(row!.id);
  }
  const clock = opts.clock ?? (() => new Date());
  const services = createServices(db, clock, { SESSION_TTL_HOURS: 8, ATTACHMENT_MAX_BYTES: opts.attachmentMaxBytes, ...opts.config });
  const app = await buildApp(services, { bodyLimit: opts.bodyLimit ?? 1_048_576, cookieSecure: false, logLevel: 'silent', counties: [COUNTY], version: 'test' });
  await app.ready();
  const ctxOf = (username: string): AuthedContext => {
    const u = USERS.find((x) => x.username === username)!;
    return { user: { id: userIds[username]!, username, displayName: username, role: u.role, areaCode: u.area, departmentCode: u.department ?? null }, clientIp: '127.0.0.1' };
  };
  return {
    engine, db, app, services, userIds, ctxOf,
    async login(username, password = PASSWORD) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const c = res.cookies.find((x) => x.name === 'sw_session')!;
      return `sw_session=${c.value}`;
    },
    async close() {
      await app.close();
      await drop();
    },
  };
}
