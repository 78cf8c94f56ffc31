/** Roles of domain.md §1. One identifier each; labels are what users read. */
export const ROLES = [
  'admin',
  'county_office',
  'county_leader',
  'township_cadre',
  'village_cadre',
  'department_user',
  'helper',
  'inspector',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: '系统管理员',
  county_office: '县联动办公室/乡村振兴局',
  county_leader: '县级领导',
  township_cadre: '乡镇干部',
  village_cadre: '村干部/网格员/驻村第一书记',
  department_user: '行业部门用户',
  helper: '帮扶责任人',
  inspector: '核查暗访组',
};

/** The area level a user of each role is scoped to. */
export const ROLE_AREA_LEVEL: Record<Role, 'county' | 'township' | 'village'> = {
  admin: 'county',
  county_office: 'county',
  county_leader: 'county',
  township_cadre: 'township',
  village_cadre: 'village',
  department_user: 'county',
  helper: 'county',
  inspector: 'county',
};
