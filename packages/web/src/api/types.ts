/** Response shapes shared across features (docs/api.md). Feature-specific shapes live with their feature. */

export interface Me {
  id: number;
  username: string;
  displayName: string;
  role: string;
  roleLabel: string;
  areaCode: string;
  areaName: string;
  departmentCode: string | null;
  departmentName: string | null;
  permissions: string[];
  /** The server's business date (YYYY-MM-DD). */
  today: string;
}

export interface CodeEntry {
  code: string;
  label: string;
}

export type CodeListName =
  | 'householdType'
  | 'monitorCategory'
  | 'riskType'
  | 'eliminationMethod'
  | 'idType'
  | 'relation'
  | 'ethnicity'
  | 'politicalStatus'
  | 'education'
  | 'schoolStatus'
  | 'health'
  | 'disabilityCategory'
  | 'disabilityGrade'
  | 'labourSkill'
  | 'workLocation';

export interface RoleEntry {
  code: string;
  label: string;
  areaLevel: AreaLevel;
}

export interface DepartmentEntry {
  code: string;
  name: string;
  class: string;
}

export interface Codes {
  lists: Record<CodeListName, CodeEntry[]>;
  roles: RoleEntry[];
  departments: DepartmentEntry[];
}

export type AreaLevel = 'province' | 'city' | 'county' | 'township' | 'village';

export interface AreaNode {
  code: string;
  name: string;
  level: AreaLevel;
  children?: AreaNode[];
}

export interface Paged<T> {
  total: number;
  page?: number;
  pageSize?: number;
  items: T[];
}

/** Money comes from numeric columns and may arrive as a string; display code goes through this. */
export type Amount = number | string;
