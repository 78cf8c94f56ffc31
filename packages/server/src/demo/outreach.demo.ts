/**
 * Demo of 一码通 and village screening, loaded once on first start (report codes come from the column default):
 * a placeholder county hotline for the cards; a few self-reports of the demo village (大沟村), one with a photo,
 * through the real service; this month's 村级月排查 with partial coverage in the demo township (the demo village's
 * risk found through the service, the rest bulk-inserted); and one finished 集中排查 earlier in the year (or, in
 * January and February, last autumn) with the demo township fully visited. Deterministic for a given today.
 */
import { areaRange, monthlyRound, monthOf, type Role } from '@shouwang/domain';
import type { Db } from '../db/db.js';
import { todayOf } from '../clock.js';
import type { AuthedContext } from '../http/context.js';
import type { FeatureDemoLoader } from './feature.demos.js';

/** A 1×1 PNG (the photo of one demo self-report). */
const PHOTO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
export const DEMO_HOTLINE = '0377-0000000（演示号码，请县级办公室替换）';

const REPORTS = [
  { hardships: ['illness'], description: '老伴今年查出肾病，每周透析，医药费自付部分负担很重。', phone: '13700000001', photo: false },
  { hardships: ['disaster', 'housing'], description: '七月暴雨后后墙裂了一道缝，下雨天屋里漏水，担心不安全。', phone: null, photo: true },
  { hardships: ['job_loss'], description: '儿子在外地厂里打工，厂子停工两个月了，家里没有别的收入。', phone: null, photo: false },
];

async function userCtx(db: Db, username: string): Promise<AuthedContext | null> {
  const [u] = await db.query<{ id: number; display_name: string; role: Role; area_code: string; department_code: string | null }>(
    'SELECT id, display_name, role, area_code, department_code FROM user_account WHERE username = $1', [username]);
  if (!u) return null;
  return { user: { id: Number(u.id), username, displayName: u.display_name, role: u.role, areaCode: u.area_code, departmentCode: u.department_code }, clientIp: 'demo' };
}

export const loadOutreachDemo: FeatureDemoLoader = async (db, { countyCode, clock, services }) => {
  const today = todayOf(clock);
  const [county, village, township] = await Promise.all([userCtx(db, 'county'), userCtx(db, 'village'), userCtx(db, 'township')]);
  if (!county || !village || !township) return null;
  await db.query('INSERT INTO outreach_setting (county_code, hotline) VALUES ($1, $2) ON CONFLICT (county_code) DO NOTHING', [countyCode, DEMO_HOTLINE]);

  // 一码通: three reports from households of the demo village, each from its own phone (client address).
  const homes = await db.query<{ report_code: string }>(
    `SELECT report_code FROM household WHERE village_code = $1 AND monitor_category IS NULL ORDER BY household_no LIMIT $2`, [village.user.areaCode, REPORTS.length]);
  let reports = 0;
  for (const [i, h] of homes.entries()) {
    const r = REPORTS[i]!;
    await services.selfReport.reports.submit({ user: null, clientIp: `10.20.0.${i + 1}` }, h.report_code, {
      hardships: r.hardships, description: r.description, phone: r.phone, photos: r.photo ? [{ fileName: '后墙裂缝.png', data: PHOTO }] : [],
    });
    reports += 1;
  }

  // 村级月排查 of this month (created as when first opened), partly visited.
  await services.screening.rounds.listRounds(county);
  const [round] = await db.query<{ id: number }>(`SELECT id FROM screening_round WHERE kind = 'monthly' AND county_code = $1 AND month = $2`, [countyCode, monthOf(today)]);
  const monthStart = monthlyRound(monthOf(today)).startsOn;
  // The demo village: one risk found through the service (a screening warning), then about 60 % visited.
  const planned = await services.screening.rounds.households(village, Number(round!.id), { status: 'pending', page: 1, pageSize: 100 });
  const first = planned.items.find((h) => !h.hasOpenWarning);
  if (first) {
    await services.screening.rounds.recordVisit(village, Number(round!.id), { householdId: first.id, result: 'risk_found', riskTypes: ['illness'], note: '户主腰椎手术后不能干重活，家中收入减少' });
  }
  // Elsewhere in the demo township: a share per village that varies from village to village (progress bars differ).
  const { from: townshipFrom, to: townshipTo } = areaRange(township.user.areaCode);
  await db.query(
    `INSERT INTO screening_visit (round_id, household_id, village_code, result, visited_on, visited_by)
     SELECT $1, h.id, h.village_code, 'no_risk', $2::date, CASE WHEN h.village_code = $5 THEN $6::bigint ELSE $7::bigint END
       FROM household h
      WHERE h.village_code >= $3 AND h.village_code < $4
        AND (h.household_type = 'alleviated' OR h.monitor_category IS NOT NULL)
        AND NOT EXISTS (SELECT 1 FROM screening_visit v WHERE v.round_id = $1 AND v.household_id = h.id)
        AND (h.id % 10) < CASE WHEN h.village_code = $5 THEN 6 ELSE (CAST(substr(h.village_code, 10, 3) AS int) % 9) END`,
    [round!.id, today < monthStart ? monthStart : today, townshipFrom, townshipTo, village.user.areaCode, village.user.id, township.user.id]);

  // One finished 集中排查 earlier: spring of this year when it is over, else last autumn.
  const year = Number(today.slice(0, 4));
  const spring = { name: `${year}年春季集中排查`, startsOn: `${year}-03-01`, endsOn: `${year}-03-31` };
  const campaign = today > spring.endsOn ? spring : { name: `${year - 1}年秋季集中排查`, startsOn: `${year - 1}-10-08`, endsOn: `${year - 1}-11-08` };
  const [c] = await db.query<{ id: number }>(
    `INSERT INTO screening_round (kind, county_code, name, starts_on, ends_on, note, created_by) VALUES ('campaign', $1, $2, $3, $4, $5, $6) RETURNING id`,
    [countyCode, campaign.name, campaign.startsOn, campaign.endsOn, '全县农户逐户走访，重点排查因病、因灾、因意外风险', county.user.id]);
  await db.query(
    `INSERT INTO screening_visit (round_id, household_id, village_code, result, visited_on, visited_by)
     SELECT $1, h.id, h.village_code, 'no_risk', $2::date + (h.id % 20)::int, $5
       FROM household h WHERE h.village_code >= $3 AND h.village_code < $4`,
    [c!.id, campaign.startsOn, townshipFrom, townshipTo, township.user.id]);
  const [{ n }] = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM screening_visit')) as [{ n: number }];
  return `一码通申报 ${reports} 条，排查走访记录 ${n} 条`;
};
