/** 中文 names of registry fields (forms, descriptions, change history) and which code list a field's value belongs to. */
import type { CodeListName } from '../../api/types';

export const HOUSEHOLD_LABELS: Record<string, string> = {
  householdNo: '户编号',
  villageCode: '所属村',
  address: '家庭住址',
  phone: '联系电话',
  householdType: '户类型',
  alleviationYear: '脱贫年度',
  monitorCategory: '监测对象类别',
  monitorIdentifiedOn: '识别监测时间',
  riskTypes: '风险类型',
  riskEliminated: '风险是否消除',
  eliminationMethod: '风险消除方式',
  eliminatedOn: '风险消除时间',
  monitorContact: '监测联系人',
  helperName: '帮扶责任人',
  relocated: '易地扶贫搬迁户',
  relocationSite: '安置地点',
  noLabourGuarantee: '无劳动力兜底户',
  dibao: '低保户',
  tekun: '特困供养户',
  housingUnsafe: '住房安全有问题',
  schoolingDropout: '义务教育有失学辍学',
  waterUnsafe: '饮水安全有问题',
  medicalUninsured: '有人未参加基本医疗保险',
  memberCount: '家庭人口',
  incomeYear: '收入年度',
  perCapitaNetIncome: '人均纯收入',
};

export const PERSON_LABELS: Record<string, string> = {
  name: '姓名',
  sex: '性别',
  idType: '证件类型',
  idNumber: '证件号码',
  birthDate: '出生日期',
  relation: '与户主关系',
  ethnicity: '民族',
  politicalStatus: '政治面貌',
  education: '文化程度',
  schoolStatus: '在校生状况',
  health: '健康状况',
  disabilityCategory: '残疾类别',
  disabilityGrade: '残疾等级',
  labourSkill: '劳动技能',
  workLocation: '务工所在地',
  workMonths: '务工时间(月)',
  residentMedicalInsurance: '城乡居民基本医疗保险',
  employeeMedicalInsurance: '职工基本医疗保险',
  criticalIllnessInsurance: '大病保险',
  pensionInsurance: '城乡居民基本养老保险',
  dibao: '享受低保',
  tekun: '特困供养',
  publicWelfarePost: '公益岗位',
  postMonths: '公益岗位聘用月数',
  skillCertificate: '有技能证书',
};

export const INCOME_LABELS: Record<string, string> = {
  year: '年度',
  wageIncome: '工资性收入',
  businessIncome: '生产经营性收入',
  propertyIncome: '财产性收入',
  transferIncome: '转移性收入',
  businessExpense: '生产经营性支出',
  claimIncome: '理赔收入',
  outOfPocketExpense: '合规自付支出',
  memberCount: '计算人口',
  netIncome: '家庭纯收入',
  perCapitaNetIncome: '人均纯收入',
};

/** Fields whose values are codes of a list (history shows them as labels). */
export const FIELD_CODE_LIST: Record<string, CodeListName> = {
  householdType: 'householdType',
  monitorCategory: 'monitorCategory',
  riskTypes: 'riskType',
  eliminationMethod: 'eliminationMethod',
  idType: 'idType',
  relation: 'relation',
  ethnicity: 'ethnicity',
  politicalStatus: 'politicalStatus',
  education: 'education',
  schoolStatus: 'schoolStatus',
  health: 'health',
  disabilityCategory: 'disabilityCategory',
  disabilityGrade: 'disabilityGrade',
  labourSkill: 'labourSkill',
  workLocation: 'workLocation',
};

export const ENTITY_LABELS: Record<string, string> = { household: '户信息', person: '家庭成员', income: '收支信息' };
export const ACTION_LABELS: Record<string, string> = { create: '新增', update: '修改', delete: '删除' };
export const SEX_LABELS: Record<string, string> = { male: '男', female: '女' };

/** History rows may carry camelCase or snake_case field names; both resolve to one label. */
export function fieldLabel(field: string): string {
  const camel = field.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
  return HOUSEHOLD_LABELS[camel] ?? PERSON_LABELS[camel] ?? INCOME_LABELS[camel] ?? field;
}

export function fieldCodeList(field: string): CodeListName | undefined {
  const camel = field.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
  return FIELD_CODE_LIST[camel];
}
