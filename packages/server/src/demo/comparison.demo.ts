/**
 * 信息比对 demo: two completed runs in the demo county, each through the real service (upload → match → warnings):
 * 县医保局's 医疗费用 file uploaded by the `dept` user (hits on 一般农户 ≥ 20,000 元 and 脱贫人口/监测对象 ≥ 5,000 元,
 * plus an invalid ID, an unknown ID and a repeated person, so the row-issue list is not empty), and a 民政 file of
 * new 低保/临时救助 approvals run by the county office. Persons come from the demo township (留山镇) where it has them,
 * so the township user sees the resulting warnings. Deterministic: persons chosen by id, fixed values; fast (small files
 * take the ID-lookup path).
 */
import { Readable } from 'node:stream';
import { areaRange, idCheckChar, makeIdCard } from '@shouwang/domain';
import type { Db } from '../db/db.js';
import type { AuthedContext } from '../http/context.js';
import type { FeatureDemoLoader } from './feature.demos.js';

interface P { identity_key: string; name: string }

async function pick(db: Db, from: string, to: string, where: string, n: number): Promise<P[]> {
  return db.query<P>(
    `SELECT p.identity_key, p.name FROM person p JOIN household h ON h.id = p.household_id
      WHERE h.village_code >= $1 AND h.village_code < $2 AND p.id_type = 'resident_id' AND ${where} ORDER BY p.id LIMIT $3`,
    [from, to, n],
  );
}

async function ctxOf(db: Db, username: string): Promise<AuthedContext | null> {
  const [u] = await db.query<{ id: number; username: string; display_name: string; role: AuthedContext['user']['role']; area_code: string; department_code: string | null }>(
    `SELECT id, username, display_name, role, area_code, department_code FROM user_account WHERE username = $1`, [username]);
  if (!u) return null;
  return { user: { id: Number(u.id), username: u.username, displayName: u.display_name, role: u.role, areaCode: u.area_code, departmentCode: u.department_code }, clientIp: '127.0.0.1' };
}

const csv = (rows: (string | number)[][]) => Buffer.from(`${rows.map((r) => r.join(',')).join('\r\n')}\r\n`, 'utf8');

export const loadComparisonDemo: FeatureDemoLoader = async (db, o) => {
  if ((await db.query('SELECT 1 FROM comparison_run LIMIT 1')).length) return null;
  const dept = await ctxOf(db, 'dept');
  const county = await ctxOf(db, 'county');
  if (!dept || !county) return null;
  // The demo township first (its users then see the warnings), else the whole county.
  const township = areaRange(`${o.countyCode}101`);
  const wholeCounty = areaRange(o.countyCode);
  const pickIn = async (where: string, n: number) => {
    const local = await pick(db, township.from, township.to, where, n);
    return local.length >= n ? local : pick(db, wholeCounty.from, wholeCounty.to, where, n);
  };
  const ordinary = await pickIn(`h.household_type = 'ordinary' AND h.monitor_category IS NULL AND p.relation = 'head'`, 4);
  const alleviated = await pickIn(`h.household_type = 'alleviated' AND h.monitor_category IS NULL AND p.relation = 'head'`, 3);
  const monitored = await pickIn(`h.monitor_category IS NOT NULL AND NOT h.risk_eliminated`, 2);
  if (ordinary.length < 4 || alleviated.length < 3 || monitored.length < 2) return null;
  const runs = o.services.comparison.runs;

  // 医保: 近12个月个人自付. Invalid: a wrong check digit; unknown: a valid ID from another province.
  const bad = ordinary[0]!.identity_key.slice(0, 17);
  const wrongCheck = bad + (idCheckChar(bad) === '1' ? '2' : '1');
  const outsider = makeIdCard('110105', '19750612', 37);
  const medical = csv([
    ['证件号码', '姓名', '医保个人自付', '医疗总费用', '大病'],
    [ordinary[0]!.identity_key, ordinary[0]!.name, 23450, 68200, '是'],
    [ordinary[1]!.identity_key, ordinary[1]!.name, 31200.5, 90500, '是'],
    [ordinary[2]!.identity_key, ordinary[2]!.name, 12000, 30000, '否'],
    [alleviated[0]!.identity_key, alleviated[0]!.name, 6800, 21000, '否'],
    [alleviated[1]!.identity_key, alleviated[1]!.name, 5200, 18800, '否'],
    [alleviated[2]!.identity_key, alleviated[2]!.name, 3100, 9000, '否'],
    [monitored[0]!.identity_key, monitored[0]!.name, 8900, 26000, '是'],
    [monitored[1]!.identity_key, monitored[1]!.name, 2000, 5000, '否'],
    [wrongCheck, ordinary[3]!.name, 26000, 70000, '是'],
    [outsider, '外省人员', 40000, 120000, '是'],
    [ordinary[0]!.identity_key, ordinary[0]!.name, 2300, 4100, '否'],
  ]);
  const r1 = await runs.start(dept, 'medical', { fileName: '县医保局医疗费用数据（近12个月）.csv', stream: Readable.from([medical]) });
  await runs.idle();

  // 民政: new 低保 / 临时救助 approvals (run by the county office for 县民政局).
  const civil = csv([
    ['证件号码', '姓名', '救助类别', '新纳入'],
    [ordinary[3]!.identity_key, ordinary[3]!.name, '低保', '是'],
    [alleviated[2]!.identity_key, alleviated[2]!.name, '临时救助', '是'],
    [ordinary[2]!.identity_key, ordinary[2]!.name, '低保', '否'],
  ]);
  const r2 = await runs.start(county, 'civil_affairs', { fileName: '县民政局新增救助对象名单.csv', stream: Readable.from([civil]) });
  await runs.idle();

  const done = await db.query<{ status: string; created: number }>(`SELECT status, created FROM comparison_run WHERE id = ANY($1::bigint[])`, [[r1.id, r2.id]]);
  const created = done.reduce((s, r) => s + Number(r.created), 0);
  const failed = done.filter((r) => r.status !== 'completed').length;
  return `信息比对 ${done.length} 次（新建预警 ${created} 条${failed ? `，${failed} 次失败` : ''}）`;
};
