/**
 * The 26 member departments of the "5+2" linkage mechanism (seed 004, 附件1-3), in three classes:
 * 9 紧密型 (close), 15 相关 (related), 2 紧急预警 (emergency). Seeded as data; the county office edits it.
 */
export type DepartmentClass = 'close' | 'related' | 'emergency';

export const DEPARTMENT_CLASS_LABELS: Record<DepartmentClass, string> = {
  close: '紧密型部门',
  related: '相关部门',
  emergency: '紧急预警部门',
};

export interface DepartmentSeed {
  code: string;
  name: string;
  class: DepartmentClass;
}

export const DEFAULT_DEPARTMENTS: readonly DepartmentSeed[] = [
  { code: 'education', name: '县教育局', class: 'close' },
  { code: 'health', name: '县卫健委', class: 'close' },
  { code: 'medical_insurance', name: '县医保局', class: 'close' },
  { code: 'housing', name: '县住建局', class: 'close' },
  { code: 'water', name: '县水利局', class: 'close' },
  { code: 'civil_affairs', name: '县民政局', class: 'close' },
  { code: 'human_resources', name: '县人社局', class: 'close' },
  { code: 'agriculture', name: '县农业农村局', class: 'close' },
  { code: 'disabled_federation', name: '县残联', class: 'close' },
  { code: 'discipline', name: '县纪委监委', class: 'related' },
  { code: 'organization', name: '县委组织部', class: 'related' },
  { code: 'publicity', name: '县委宣传部', class: 'related' },
  { code: 'development_reform', name: '县发改委', class: 'related' },
  { code: 'finance', name: '县财政局', class: 'related' },
  { code: 'natural_resources', name: '县自然资源局', class: 'related' },
  { code: 'transport', name: '县交通运输局', class: 'related' },
  { code: 'commerce', name: '县商务局', class: 'related' },
  { code: 'culture_tourism', name: '县文旅局', class: 'related' },
  { code: 'science', name: '县科技局', class: 'related' },
  { code: 'power_supply', name: '国网南召供电公司', class: 'related' },
  { code: 'financial_work', name: '县金融工作局', class: 'related' },
  { code: 'banking_regulation', name: '南召银保监分局', class: 'related' },
  { code: 'pboc_branch', name: '人行南召县支行', class: 'related' },
  { code: 'rural_revitalization', name: '县乡村振兴局', class: 'related' },
  { code: 'public_security', name: '县公安局', class: 'emergency' },
  { code: 'emergency_management', name: '县应急管理局', class: 'emergency' },
];
