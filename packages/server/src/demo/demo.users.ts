/**
 * Demo logins: one per role with fixed usernames, scoped to real areas of the first configured county.
 * Pure: the loader inserts them and assigns the helper's households.
 */
import { ROLE_LABELS, type Role } from '@shouwang/domain';
import { shortVillageName, type DemoArea, type DemoHousehold } from './demo.generator.js';

export const DEMO_USERNAMES = ['admin', 'county', 'leader', 'township', 'village', 'dept', 'helper', 'inspector'] as const;
export type DemoUsername = (typeof DEMO_USERNAMES)[number];

/** The department the `dept` user belongs to (县医保局). */
export const DEMO_DEPARTMENT = 'medical_insurance';
/** How many households of the `village` user's village are assigned to the `helper` user. */
export const DEMO_HELPER_HOUSEHOLDS = 15;

export interface DemoUserSpec {
  username: DemoUsername;
  displayName: string;
  role: Role;
  areaCode: string;
  departmentCode: string | null;
}

const DISPLAY_NAMES: Record<DemoUsername, string> = {
  admin: '李文博',
  county: '张建国',
  leader: '王志强',
  township: '刘海燕',
  village: '陈国庆',
  dept: '赵敏',
  helper: '杨红梅',
  inspector: '孙立新',
};

const ROLE_OF: Record<DemoUsername, Role> = {
  admin: 'admin',
  county: 'county_office',
  leader: 'county_leader',
  township: 'township_cadre',
  village: 'village_cadre',
  dept: 'department_user',
  helper: 'helper',
  inspector: 'inspector',
};

/**
 * The township of the demo cadre: `<county>101` (留山镇 in 南召) when it exists, else the first township.
 * The village: the first 行政村 (村民委员会) of that township that has households, else its first village with households.
 */
export function demoAreas(areas: readonly DemoArea[], countyCode: string, villagesWithHouseholds: Iterable<string>): { township: DemoArea; village: DemoArea } {
  const townships = areas.filter((a) => a.level === 'township').sort((a, b) => a.code.localeCompare(b.code));
  const withHouseholds = new Set(villagesWithHouseholds);
  const populated = townships.filter((t) => areas.some((v) => v.parent_code === t.code && withHouseholds.has(v.code)));
  const township = populated.find((t) => t.code === `${countyCode}101`) ?? populated[0];
  if (!township) throw new Error(`县 ${countyCode} 没有有农户的乡镇，无法生成演示账号`);
  const villages = areas
    .filter((a) => a.level === 'village' && a.parent_code === township.code && withHouseholds.has(a.code))
    .sort((a, b) => a.code.localeCompare(b.code));
  const village = villages.find((v) => /村(民委员会)?$/.test(v.name)) ?? villages[0];
  if (!village) throw new Error(`${township.name} 没有有农户的村，无法生成演示账号`);
  return { township, village };
}

export function demoUserSpecs(countyCode: string, township: DemoArea, village: DemoArea): DemoUserSpec[] {
  const areaOf: Record<DemoUsername, string> = {
    admin: countyCode,
    county: countyCode,
    leader: countyCode,
    township: township.code,
    village: village.code,
    dept: countyCode,
    helper: countyCode,
    inspector: countyCode,
  };
  return DEMO_USERNAMES.map((username) => ({
    username,
    displayName: DISPLAY_NAMES[username],
    role: ROLE_OF[username],
    areaCode: areaOf[username],
    departmentCode: username === 'dept' ? DEMO_DEPARTMENT : null,
  }));
}

/** The households the demo helper looks after: 监测户 first, then 脱贫户, then others, in household order. */
export function pickHelperHouseholds<H extends Pick<DemoHousehold, 'villageCode' | 'monitorCategory' | 'householdType' | 'id'>>(
  households: readonly H[], villageCode: string, count = DEMO_HELPER_HOUSEHOLDS,
): H[] {
  const inVillage = households.filter((h) => h.villageCode === villageCode);
  const rank = (h: H) => (h.monitorCategory ? 0 : h.householdType === 'alleviated' ? 1 : 2);
  return inVillage.slice().sort((a, b) => rank(a) - rank(b) || a.id - b.id).slice(0, count);
}

/** What a demo user's row says about where they work (read back from the database). */
export interface DemoUserPlace {
  username: string;
  role: Role;
  areaLevel: string | null;
  areaName: string | null;
  parentName: string | null;
  departmentName: string | null;
  helperTownship?: string | null;
  helperVillage?: string | null;
  helperHouseholds?: number;
}

/** e.g. '村干部 · 留山镇 大沟村', '行业部门用户 · 县医保局', '帮扶责任人 · 留山镇 大沟村 15户'. */
export function demoUserLabel(u: DemoUserPlace): string {
  const role = ROLE_LABELS[u.role].split('/')[0]!;
  let place: string;
  if (u.role === 'department_user' && u.departmentName) place = u.departmentName;
  else if (u.role === 'helper' && u.helperVillage) place = `${u.helperTownship ?? ''} ${shortVillageName(u.helperVillage)} ${u.helperHouseholds ?? 0}户`.trim();
  else if (u.areaLevel === 'village') place = `${u.parentName ?? ''} ${shortVillageName(u.areaName ?? '')}`.trim();
  else place = u.areaName ?? '';
  return place ? `${role} · ${place}` : role;
}
