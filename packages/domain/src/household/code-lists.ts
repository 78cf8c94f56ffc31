/**
 * Code lists of the registry (domain.md §2) as data: one place, code → 中文 label.
 * The database stores the codes; the UI and exports show the labels.
 */

function list<const T extends readonly (readonly [string, string])[]>(entries: T) {
  return entries.map(([code, label]) => ({ code, label })) as { code: T[number][0]; label: string }[];
}

export const CODE_LISTS = {
  householdType: list([
    ['alleviated', '脱贫户'],
    ['ordinary', '一般农户'],
  ] as const),
  monitorCategory: list([
    ['unstable', '脱贫不稳定户'],
    ['marginal', '边缘易致贫户'],
    ['sudden', '突发严重困难户'],
  ] as const),
  riskType: list([
    ['illness', '因病'],
    ['disability', '因残'],
    ['schooling', '因学'],
    ['disaster_flood', '因自然灾害(洪涝)'],
    ['disaster_geological', '因自然灾害(地质)'],
    ['disaster_drought', '因自然灾害(旱灾)'],
    ['disaster_biological', '因自然灾害(生物)'],
    ['disaster_weather', '因自然灾害(气象)'],
    ['disaster_earthquake', '因自然灾害(地震)'],
    ['disaster_other', '因自然灾害(其他)'],
    ['accident', '因意外事故'],
    ['industry_failure', '因产业项目失败'],
    ['unstable_employment', '因务工就业不稳'],
    ['lack_of_labour', '缺劳动力'],
    ['other', '其他'],
  ] as const),
  eliminationMethod: list([
    ['assisted', '帮扶消除'],
    ['natural', '自然消除'],
  ] as const),
  idType: list([
    ['resident_id', '居民身份证'],
    ['disability_card', '残疾人证'],
  ] as const),
  relation: list([
    ['head', '户主'],
    ['spouse', '配偶'],
    ['son', '之子'],
    ['daughter', '之女'],
    ['son_in_law', '之女婿'],
    ['daughter_in_law', '之儿媳'],
    ['grandson', '之孙子'],
    ['granddaughter', '之孙女'],
    ['father', '之父'],
    ['mother', '之母'],
    ['grandparent', '之祖父母'],
    ['sibling', '兄弟姐妹'],
    ['other', '其他'],
  ] as const),
  ethnicity: list([
    ['han', '汉族'],
    ['hui', '回族'],
    ['mongol', '蒙古族'],
    ['manchu', '满族'],
    ['zhuang', '壮族'],
    ['other', '其他民族'],
  ] as const),
  politicalStatus: list([
    ['masses', '群众'],
    ['cpc_member', '中共党员'],
    ['cpc_probationary', '中共预备党员'],
    ['cyl_member', '共青团员'],
    ['other', '其他'],
  ] as const),
  education: list([
    ['illiterate', '文盲或半文盲'],
    ['primary', '小学'],
    ['junior', '初中'],
    ['senior', '高中'],
    ['vocational', '中专/中职'],
    ['college', '大专'],
    ['bachelor', '本科及以上'],
    ['preschool_age', '学龄前儿童'],
  ] as const),
  schoolStatus: list([
    ['none', '非在校生'],
    ['preschool', '学前教育'],
    ...([1, 2, 3, 4, 5, 6, 7, 8, 9].map((g) => [`grade${g}`, `${'一二三四五六七八九'[g - 1]}年级`]) as [string, string][]),
    ['senior1', '普通高中一年级'], ['senior2', '普通高中二年级'], ['senior3', '普通高中三年级'],
    ['secvoc1', '中职一年级'], ['secvoc2', '中职二年级'], ['secvoc3', '中职三年级'],
    ['highvoc1', '高职高专一年级'], ['highvoc2', '高职高专二年级'], ['highvoc3', '高职高专三年级'],
    ['tech1', '技师学院一年级'], ['tech2', '技师学院二年级'], ['tech3', '技师学院三年级'], ['tech4', '技师学院四年级'],
    ['undergrad1', '本科一年级'], ['undergrad2', '本科二年级'], ['undergrad3', '本科三年级'], ['undergrad4', '本科四年级'], ['undergrad5', '本科五年级'],
    ['postgrad', '硕士及以上'],
    ['dropout', '失学辍学'],
  ] as const),
  health: list([
    ['healthy', '健康'],
    ['chronic', '长期慢性病'],
    ['serious_illness', '患有大病'],
    ['disabled', '残疾'],
  ] as const),
  disabilityCategory: list([
    ['1', '视力残疾'],
    ['2', '听力残疾'],
    ['3', '言语残疾'],
    ['4', '肢体残疾'],
    ['5', '智力残疾'],
    ['6', '精神残疾'],
    ['7', '多重残疾'],
  ] as const),
  disabilityGrade: list([
    ['1', '一级'],
    ['2', '二级'],
    ['3', '三级'],
    ['4', '四级'],
  ] as const),
  labourSkill: list([
    ['skilled', '技能劳动力'],
    ['ordinary', '普通劳动力'],
    ['weak', '弱劳动力或半劳动力'],
    ['lost', '丧失劳动力'],
    ['none', '无劳动力'],
  ] as const),
  workLocation: list([
    ['none', '未务工'],
    ['in_county', '县内'],
    ['in_province', '省内县外'],
    ['out_province', '省外'],
  ] as const),
} as const;

export type CodeListName = keyof typeof CODE_LISTS;
export type CodeOf<L extends CodeListName> = (typeof CODE_LISTS)[L][number]['code'];

export function codesOf(name: CodeListName): string[] {
  return CODE_LISTS[name].map((e) => e.code);
}

export function labelOf(name: CodeListName, code: string | null | undefined): string {
  if (code == null) return '';
  return CODE_LISTS[name].find((e) => e.code === code)?.label ?? code;
}

/** 开发式 capacity: roles in labour that count as having labour capacity. */
export const LABOUR_CAPABLE_SKILLS: readonly string[] = ['skilled', 'ordinary', 'weak'];
