/** Test support for the cycle: extra department users and a movable clock. Used by integration tests and access cases. */
import { COUNTY, PASSWORD, type TestApp } from '../../../testing/fixture.js';

/** Create (through the admin API) a department user of another department and return its session cookie. */
export async function departmentUser(t: TestApp, username: string, departmentCode: string): Promise<string> {
  const admin = await t.login('admin');
  const r = await t.app.inject({
    method: 'POST', url: '/api/users', headers: { cookie: admin },
    payload: { username, displayName: `测试${username}`, role: 'department_user', areaCode: COUNTY, departmentCode, password: PASSWORD },
  });
  if (r.statusCode !== 201) throw new Error(`create ${username}: ${r.statusCode} ${r.body}`);
  return t.login(username);
}

/** A clock the test moves: `clock.set('2026-03-10')` (04:00 UTC, i.e. noon in China, that day). */
export function movableClock(start: string) {
  let now = new Date(`${start}T04:00:00Z`);
  const clock = () => new Date(now);
  return Object.assign(clock, { set: (day: string) => { now = new Date(`${day}T04:00:00Z`); } });
}
