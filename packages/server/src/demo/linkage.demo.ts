/**
 * The "5+2" linkage demo: two complete quarters (Qprev, Qlast) and the current quarter's past months of plausible
 * activity for all member departments, relative to the injected clock's today, loaded once on first start right
 * after the registry demo. Deterministic for a given today (seeded `Random`, fixed seed).
 *
 * What the departments and the office file (self-checks with their 整改台账, township rankings, meetings, policies
 * and receipts, joint-handling cases, 资料报送, manual score items, warning credits) is planned by a pure function
 * and bulk-inserted as the services would store it. The scoring steps — monthly verification rounds and findings,
 * the quarter rankings and notices — go through the services with the demo users' contexts, each on the day it
 * would have happened (a clock of its own); the timestamps the database set to now() are then moved to that day.
 *
 * By design: 县水利局 (紧密型), 县商务局 and 县文旅局 (相关) are visibly weaker (late, missing months, overdue
 * rectifications, absences); 县医保局, 县民政局 and 县教育局 are model departments.
 */
import {
  monthOf, monthsOfQuarter, nextMonth, previousQuarter, quarterEnd, quarterLabel, quarterOfMonth, rankTownships, scoreItem,
  selfCheckDueDate, type DepartmentClass, type Month, type Quarter, type Role,
} from '@shouwang/domain';
import type { Db, Queryable } from '../db/db.js';
import type { Clock } from '../clock.js';
import { todayOf } from '../clock.js';
import type { AuthedContext } from '../http/context.js';
import { NoticeService } from '../modules/linkage/scoring/notice.service.js';
import { RankingService } from '../modules/linkage/scoring/ranking.service.js';
import { loadSettings } from '../modules/linkage/scoring/settings.service.js';
import { VerificationService } from '../modules/linkage/scoring/verification.service.js';
import { fullName } from './names.js';
import { Random } from './random.js';

// ── design ───────────────────────────────────────────────────────────────

/** The seed of the linkage demo (the date of the 5+2 方案, seed 004). */
export const LINKAGE_DEMO_SEED = 20230310;

/** Departments with visibly weaker records, so the rankings differ. */
export const WEAK_DEPARTMENTS: readonly string[] = ['water', 'commerce', 'culture_tourism'];
/** Model departments: on time, always present. */
export const STRONG_DEPARTMENTS: readonly string[] = ['medical_insurance', 'civil_affairs', 'education'];

export type QuarterSlot = 'prev' | 'last' | 'current';
interface SlotMonth { department: string; quarter: QuarterSlot; monthIndex: 0 | 1 | 2 }

/** Months without any self-check (the month index within its quarter). */
export const MISSING_SELF_CHECKS: readonly SlotMonth[] = [
  { department: 'water', quarter: 'prev', monthIndex: 1 },
  { department: 'commerce', quarter: 'last', monthIndex: 0 },
];
/** 紧密型 months without 乡镇评分排名 besides those without a self-check. */
export const MISSING_TOWNSHIP_RANKINGS: readonly SlotMonth[] = [{ department: 'water', quarter: 'last', monthIndex: 1 }];
/** Its report for the latest past month of the current quarter is still a draft (逾期未报). */
export const DRAFT_SELF_CHECK_DEPARTMENT = 'commerce';
/** 资料报送 not submitted at all: the department, its quarter and the request's index in that quarter. */
export const MISSING_SUBMISSION = { department: 'culture_tourism', quarter: 'last' as QuarterSlot, requestIndex: 2 };
/** Each verification round samples this many self-checks and rectifications. */
export const VERIFICATION_SAMPLE = { selfCheckCount: 3, rectificationCount: 4 } as const;
export const WARNING_SOURCE_TYPE = 'demo_warning';

// ── periods ──────────────────────────────────────────────────────────────

export interface LinkageDemoPeriods {
  today: string;
  prev: Quarter;
  last: Quarter;
  current: Quarter;
  /** Months with a self-check cycle: Qprev's, Qlast's and the current quarter's months before today's month. */
  months: Month[];
}

export function linkageDemoPeriods(today: string): LinkageDemoPeriods {
  const current = quarterOfMonth(monthOf(today));
  const last = previousQuarter(current);
  const prev = previousQuarter(last);
  const months = [...monthsOfQuarter(prev), ...monthsOfQuarter(last), ...monthsOfQuarter(current).filter((m) => m < monthOf(today))];
  return { today, prev, last, current, months };
}

const quarterOfSlot = (p: LinkageDemoPeriods, s: QuarterSlot) => (s === 'prev' ? p.prev : s === 'last' ? p.last : p.current);

function slotOf(p: LinkageDemoPeriods, month: Month): { slot: QuarterSlot; index: 0 | 1 | 2 } {
  for (const slot of ['prev', 'last', 'current'] as const) {
    const i = monthsOfQuarter(quarterOfSlot(p, slot)).indexOf(month);
    if (i >= 0) return { slot, index: i as 0 | 1 | 2 };
  }
  throw new Error(`month ${month} is outside the demo periods`);
}

const inSlot = (list: readonly SlotMonth[], p: LinkageDemoPeriods, department: string, month: Month) => {
  const { slot, index } = slotOf(p, month);
  return list.some((m) => m.department === department && m.quarter === slot && m.monthIndex === index);
};

// ── dates ────────────────────────────────────────────────────────────────

const DAY_MS = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');
const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / DAY_MS);
const minDate = (a: string, b: string) => (a < b ? a : b);
const quarterStart = (q: Quarter) => `${monthsOfQuarter(q)[0]}-01`;
const monthLabel = (m: Month) => `${Number(m.slice(0, 4))}年${Number(m.slice(5, 7))}月`;
const previousMonth = (m: Month): Month => {
  const y = Number(m.slice(0, 4));
  const mo = Number(m.slice(5, 7));
  return mo === 1 ? `${y - 1}-12` : `${y}-${pad(mo - 1)}`;
};
const isWeekend = (d: string) => [0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay());
/** The date itself, or the Monday after when it falls on a weekend. */
const workday = (d: string): string => (isWeekend(d) ? workday(addDays(d, 1)) : d);

/** An instant on `date` at Beijing time hh:mm (UTC+8), as ISO text, never later than `now`. */
function instant(date: string, hour: number, minute: number, now: string): string {
  const iso = new Date(Date.parse(`${date}T00:00:00Z`) + ((hour - 8) * 60 + minute) * 60_000).toISOString();
  return iso < now ? iso : now;
}
const officeHour = (rng: Random, date: string, now: string) => instant(date, rng.int(8, 17), rng.int(0, 59), now);
const laterOf = (a: string, b: string) => (a > b ? a : b);

// ── input and plan ───────────────────────────────────────────────────────

export interface DemoDepartment { code: string; name: string; class: DepartmentClass }
export interface DemoTownship { code: string; name: string }
/** A monitored household cases may refer to. */
export interface DemoMonitoredHousehold { id: number; riskTypes: string[]; village: string; township: string }

export interface LinkageDemoInput {
  seed: number;
  today: string;
  /** The clock's instant (ISO): no planned record is later. */
  now: string;
  dueDay: number;
  countyCode: string;
  names: { county: string; city: string; province: string };
  departments: DemoDepartment[];
  townships: DemoTownship[];
  households: DemoMonitoredHousehold[];
  users: { county: number; leader: number; dept: number; deptDepartment: string };
}

interface Evidence { name: string; note: string | null }
export interface RectificationPlan { problem: string; measure: string; owner: string; deadline: string; status: 'in_progress' | 'done' | 'long_term'; doneOn: string | null; evidence: Evidence[]; createdAt: string; updatedAt: string }
export interface SelfCheckPlan {
  department: string; month: Month; status: 'draft' | 'submitted'; summary: string; dueDate: string; reportDate: string;
  createdAt: string; submittedAt: string | null; late: boolean; by: number | null; problems: RectificationPlan[];
}
export interface TownshipRankingPlan { department: string; month: Month; submittedAt: string; by: number | null; items: { townshipCode: string; score: number; rank: number; remark: string | null }[] }
export interface MeetingPlan {
  kind: 'exchange' | 'progress' | 'observation'; heldOn: string; title: string; agenda: string; minutes: string; createdAt: string;
  attendance: { department: string; status: 'present' | 'absent' | 'improper' | 'excused'; remark: string | null }[];
  tasks: { department: string | null; title: string; deadline: string; status: 'open' | 'done'; doneOn: string | null }[];
}
export interface PolicyPlan {
  level: 'central' | 'provincial' | 'city' | 'county'; issuingBody: string; docNumber: string | null; issuedOn: string; title: string;
  summary: string; tags: string[]; publishedAt: string; receipts: { department: string; userId: number; readAt: string }[];
}
export interface CoopTaskPlan { department: string; title: string; deadline: string; status: 'open' | 'done' | 'carried_over'; progress: string | null; resultNote: string | null; carryNote: string | null; closedOn: string | null }
export interface CoopCasePlan {
  kind: 'joint_prevention' | 'consultation' | 'joint_handling' | 'assignment'; title: string; description: string; openedOn: string;
  householdId: number | null; subject: string | null; details: Record<string, unknown>; closedOn: string | null; closeNote: string | null; tasks: CoopTaskPlan[];
}
export interface SubmissionRequestPlan {
  title: string; description: string; dueDate: string; createdAt: string;
  submissions: { department: string; submittedOn: string | null; submittedAt: string | null; by: number | null; note: string | null }[];
}
export interface ManualItemPlan {
  department: string; quarter: Quarter; itemCode: string; occurredOn: string; evidence: string; status: 'pending' | 'approved';
  createdAt: string; decidedAt: string | null;
}
export interface WarningCreditPlan { department: string; occurredOn: string; sourceId: string; note: string; createdAt: string }

export interface LinkageDemoPlan {
  periods: LinkageDemoPeriods;
  selfChecks: SelfCheckPlan[];
  townshipRankings: TownshipRankingPlan[];
  meetings: MeetingPlan[];
  policies: PolicyPlan[];
  cases: CoopCasePlan[];
  requests: SubmissionRequestPlan[];
  manualItems: ManualItemPlan[];
  warningCredits: WarningCreditPlan[];
}

interface Profile { late: number; noProblem: number; stuck: number; slip: number; absent: number; improper: number; excused: number; read: number; submitLate: number }
const NORMAL: Profile = { late: 0.1, noProblem: 0.05, stuck: 0.04, slip: 0, absent: 0.015, improper: 0.03, excused: 0.03, read: 0.92, submitLate: 0.08 };
const WEAK: Profile = { late: 0.6, noProblem: 0.12, stuck: 0.3, slip: 10, absent: 0.1, improper: 0.1, excused: 0.05, read: 0.6, submitLate: 0.45 };
const STRONG: Profile = { late: 0, noProblem: 0, stuck: 0, slip: 0, absent: 0, improper: 0, excused: 0.02, read: 1, submitLate: 0 };
const profileOf = (code: string) => (WEAK_DEPARTMENTS.includes(code) ? WEAK : STRONG_DEPARTMENTS.includes(code) ? STRONG : NORMAL);

// ── texts ────────────────────────────────────────────────────────────────

/** Per department: the focus of its self-checks, the unit owning its rectifications, problems [text, measure] ({t} = a township). */
interface DutyTexts { focus: string; unit: string; problems: readonly (readonly [string, string])[] }
const DUTY_TEXTS: Record<string, DutyTexts> = {
  education: { focus: '控辍保学、学生资助和因学返贫风险监测', unit: '学生资助管理中心', problems: [
    ['{t}个别义务教育阶段劝返复学学生跟踪回访记录不完整', '建立劝返学生“一人一档”，由包联教师每月回访并留存记录'],
    ['部分家庭经济困难学生资助信息与防返贫监测系统比对不一致', '与乡村振兴部门逐人比对，更正资助台账并补发应享未享资金'],
    ['因学返贫致贫风险监测预警信息推送不及时', '明确专人每月5日前推送因学风险线索，纳入股室考核'],
    ['{t}送教上门学生教学记录不规范', '统一送教上门记录模板，开展专项督导'],
  ] },
  health: { focus: '家庭医生签约服务、慢性病鉴定和大病专项救治', unit: '基层卫生健康股', problems: [
    ['{t}部分脱贫人口家庭医生签约服务履约不到位', '督促乡镇卫生院按季度开展随访，补齐履约记录'],
    ['个别慢性病患者鉴定申请受理后未及时办结', '简化慢病鉴定流程，实行随到随鉴、限时办结'],
    ['{t}个别村卫生室基本药物配备不全', '按基本药物目录补齐配备，建立药品进销存台账'],
    ['大病专项救治对象台账信息更新不及时', '每月与医保部门比对救治信息，动态更新台账'],
  ] },
  medical_insurance: { focus: '参保资助、医疗救助和高额医疗费用筛查', unit: '待遇保障股', problems: [
    ['部分脱贫人口参保信息未及时更新', '与公安、民政部门数据比对，逐人核实更新参保信息'],
    ['{t}个别监测对象医疗救助资助参保未落实', '逐户核查资助参保情况，对漏资助人员及时补录补助'],
    ['慢性病救助政策知晓率入户抽查未达100%', '组织乡村两级开展慢病政策宣传，入户发放政策明白卡'],
    ['高额医疗费用支出人员筛查信息反馈乡镇不及时', '每月10日前筛查个人自付费用较高人员并推送乡镇核实'],
  ] },
  housing: { focus: '农户住房安全动态监测、危房改造和农村生活垃圾治理', unit: '村镇建设股', problems: [
    ['{t}个别C级危房改造进度滞后', '倒排工期，安排专人驻点督导，确保按期竣工入住'],
    ['农户住房安全动态监测台账与实地情况不一致', '组织技术人员入户复核，更新住房安全鉴定台账'],
    ['{t}部分村农村生活垃圾收运不及时', '加密收运频次，落实“日产日清”要求'],
    ['住建系统公益性岗位人员考勤管理不规范', '建立公益岗月考勤制度，工资发放与考勤挂钩'],
  ] },
  water: { focus: '农村饮水安全监测、供水水质和工程管护', unit: '农村供水股', problems: [
    ['{t}个别村供水工程管护责任落实不到位', '明确村级管水员职责，签订管护责任书'],
    ['农村供水工程水质检测覆盖不全', '制定水质抽检计划，补检未覆盖工程'],
    ['{t}部分农户反映用水高峰期水压不足', '对管网进行排查检修，增设加压设施'],
    ['饮水安全风险监测预警信息推送不及时', '建立饮水问题“即报即办”机制，每月汇总推送'],
  ] },
  civil_affairs: { focus: '低收入人口动态监测、低保特困和临时救助', unit: '社会救助股', problems: [
    ['{t}个别低保对象动态调整不及时', '开展低保对象家庭经济状况复核，及时增发停发'],
    ['个别临时救助审批超过规定时限', '推行小额临时救助乡镇先行救助，压缩审批时限'],
    ['部分困难残疾人两项补贴发放信息与残联数据不一致', '与县残联逐人比对，更正发放台账'],
    ['低收入人口动态监测信息维护不及时', '每月更新低收入人口数据库，及时推送预警线索'],
  ] },
  human_resources: { focus: '就业帮扶、公益性岗位和技能培训', unit: '就业促进股', problems: [
    ['部分脱贫劳动力务工信息更新不及时', '组织乡镇劳动保障所入户核实，更新就业台账'],
    ['{t}个别公益性岗位存在“人岗不适”现象', '开展公益岗专项清查，对不符合条件人员予以调整'],
    ['跨省就业脱贫人口一次性交通补助申报进度偏慢', '简化申报材料，集中受理审核，按月拨付'],
    ['脱贫劳动力技能培训持证比例偏低', '围绕“人人持证、技能河南”开展订单式培训'],
  ] },
  agriculture: { focus: '产业帮扶、帮扶车间和农村人居环境整治', unit: '产业发展股', problems: [
    ['{t}个别帮扶车间联农带农机制不健全', '督促车间签订联农带农协议，明确带动脱贫人口数量'],
    ['部分新型农业经营主体带贫效果台账不完整', '建立带贫主体档案，按季度核实带贫成效'],
    ['{t}农村人居环境整治存在死角', '组织开展村庄清洁行动，建立长效保洁机制'],
    ['帮扶车间消防安全隐患排查不到位', '联合应急部门开展消防安全检查，限期整改隐患'],
  ] },
  disabled_federation: { focus: '残疾人办证、无障碍改造和康复救助', unit: '康复就业部', problems: [
    ['个别符合条件的残疾人未办理残疾人证', '开展上门办证服务，做到应办尽办'],
    ['{t}重度残疾人家庭无障碍改造进度滞后', '督促施工单位加快进度，完工后逐户验收'],
    ['0-14岁残疾儿童康复救助信息登记不全', '与教育、卫健部门比对信息，补齐救助登记'],
    ['残疾人职业技能培训参训率偏低', '根据残疾人意愿开设实用技术培训班'],
  ] },
  discipline: { focus: '衔接政策落实和衔接资金项目监督', unit: '党风政风监督室', problems: [
    ['对衔接资金项目监督检查覆盖面不足', '制定专项监督检查计划，实现重点项目全覆盖'],
    ['{t}个别村惠民资金公示不及时', '督促乡镇纪委开展公示情况专项检查'],
    ['乡村振兴领域问题线索处置进度偏慢', '建立问题线索台账，实行销号管理'],
  ] },
  organization: { focus: '驻村第一书记管理和软弱涣散村整顿', unit: '组织二科', problems: [
    ['个别驻村第一书记在岗履职不到位', '开展驻村干部在岗情况暗访，对不在岗人员约谈提醒'],
    ['{t}个别软弱涣散村党组织整顿进度滞后', '落实县级领导包联责任，制定整顿方案挂图作战'],
    ['驻村工作队工作日志记录不规范', '统一工作日志模板，开展工作队业务培训'],
  ] },
  publicity: { focus: '农村精神文明建设和新时代文明实践', unit: '文明创建科', problems: [
    ['{t}新时代文明实践站活动开展频次不足', '制定月度活动计划，组织志愿服务队伍常态开展活动'],
    ['移风易俗宣传覆盖面不够', '利用村村通广播、宣传栏开展集中宣传'],
    ['“星级文明户”评选结果公示不规范', '规范评选程序，评选结果在村务公开栏公示'],
  ] },
  development_reform: { focus: '以工代赈和易地扶贫搬迁后续扶持', unit: '以工代赈办', problems: [
    ['以工代赈项目劳务报酬发放台账不完整', '督促项目单位规范劳务报酬发放台账，按月公示'],
    ['{t}易地扶贫搬迁安置点部分搬迁群众就业信息不准确', '会同人社部门入户核实，更新搬迁群众就业台账'],
    ['搬迁后续扶持项目进度滞后', '召开项目推进会，倒排工期加快建设'],
  ] },
  finance: { focus: '衔接资金监管和驻村干部补助拨付', unit: '农业农村股', problems: [
    ['部分衔接资金项目支出进度偏慢', '建立资金支出周调度机制，督促项目单位加快报账'],
    ['驻村工作队生活补助拨付不及时', '简化拨付流程，按季度及时足额拨付'],
    ['衔接资金项目绩效目标填报不规范', '组织项目单位开展绩效管理培训，修订绩效目标'],
  ] },
  natural_resources: { focus: '村庄规划编制和数据质量', unit: '国土空间规划股', problems: [
    ['{t}村庄规划编制进度滞后', '督促编制单位加快进度，按期完成规划成果'],
    ['部分村庄规划成果未及时公示', '在村务公开栏和政府网站公示规划成果'],
    ['部分农村不动产登记数据与系统数据不一致', '开展数据比对，更正错误信息'],
  ] },
  transport: { focus: '农村公路养护、“路长制”和公益性岗位管理', unit: '农村公路股', problems: [
    ['{t}部分农村公路破损路段未及时修复', '安排养护队伍对破损路段进行修补'],
    ['农村公路“路长制”巡查记录不完整', '规范路长巡查日志，每月通报巡查情况'],
    ['交通部门公益性岗位人员在岗情况抽查不合格', '开展公益岗在岗情况专项检查，对不在岗人员调整'],
  ] },
  commerce: { focus: '县域商业体系和农村电商', unit: '电子商务股', problems: [
    ['部分农村电商服务站点运营不正常', '对闲置站点进行整合，督促运营主体恢复服务'],
    ['{t}农产品网络销售渠道单一', '组织电商企业与合作社对接，拓展网络销售渠道'],
    ['农村电商培训后续跟踪服务不到位', '建立培训学员跟踪服务台账，开展回访指导'],
  ] },
  culture_tourism: { focus: '脱贫村综合性文化服务中心和群众文化活动', unit: '公共服务股', problems: [
    ['{t}脱贫村综合性文化服务中心管理不规范', '明确管理员职责，落实开放时间公示制度'],
    ['送戏下乡活动开展场次未达计划', '调整演出计划，补足年度场次'],
    ['部分农家书屋图书更新不及时', '补充更新农家书屋图书，规范借阅登记'],
  ] },
  science: { focus: '科技特派员服务和实用技术培训', unit: '农村科技股', problems: [
    ['科技特派员服务记录不完整', '规范科技特派员服务日志，每月报送服务情况'],
    ['{t}实用技术培训针对性不强', '围绕当地特色产业调整培训内容'],
    ['星创天地示范带动作用发挥不充分', '组织星创天地开展技术观摩活动'],
  ] },
  power_supply: { focus: '农村电网改造、光伏电费结算和电费减免', unit: '营销部', problems: [
    ['{t}个别村级光伏电站上网电费结算滞后', '优化结算流程，按合同约定及时完成电费支付'],
    ['低保和特困户电费减免资金拨付不及时', '与民政部门按月核对名册，及时拨付减免资金'],
    ['{t}部分台区低电压问题尚未解决', '列入电网改造计划，实施台区增容改造'],
  ] },
  financial_work: { focus: '脱贫人口小额信贷和防止返贫保险', unit: '金融服务股', problems: [
    ['脱贫人口小额信贷逾期情况监测不及时', '建立逾期贷款按周监测通报机制'],
    ['{t}部分有贷款意愿的脱贫户未及时获得贷款', '组织银行机构入户对接，做到应贷尽贷'],
    ['防止返贫保险覆盖面不足', '会同保险机构扩大防贫保险覆盖范围'],
  ] },
  banking_regulation: { focus: '小额信贷续贷和金融机构助农服务监管', unit: '监管股', problems: [
    ['个别银行机构小额信贷续贷手续办理不规范', '开展专项检查，督促银行机构规范续贷流程'],
    ['小额信贷风险分担机制落实不到位', '督促合作银行落实风险分担机制'],
    ['金融机构助农服务点运营监测不到位', '开展服务点运营情况抽查'],
  ] },
  pboc_branch: { focus: '支农再贷款和农村信用体系建设', unit: '货币信贷股', problems: [
    ['支农再贷款政策宣传不到位', '开展支农再贷款政策宣传进乡村活动'],
    ['{t}农村信用体系建设信息采集不全', '组织金融机构补采农户信用信息'],
    ['脱贫人口小额信贷统计数据报送不及时', '明确报送时限，专人负责按月报送'],
  ] },
  rural_revitalization: { focus: '防返贫动态监测帮扶、雨露计划和衔接项目库', unit: '监测帮扶股', problems: [
    ['{t}个别监测对象帮扶措施落实不精准', '逐户分析风险成因，调整完善帮扶措施'],
    ['“雨露计划”补助资金发放进度偏慢', '加快审核拨付，确保资金及时到户'],
    ['衔接项目库项目储备不足', '组织乡镇谋划储备项目，动态调整项目库'],
    ['小额贷款贴息资金拨付不及时', '按季度及时拨付贴息资金'],
  ] },
  public_security: { focus: '监测对象户籍核准和风险信息反馈', unit: '户政管理大队', problems: [
    ['部分监测对象户籍信息与系统数据不一致', '逐人核对户籍信息，推送更正结果'],
    ['因交通事故致伤农户信息反馈不及时', '建立交通事故受伤农户信息月报制度'],
    ['农户机动车信息比对结果反馈滞后', '优化车辆信息比对流程，按月反馈比对结果'],
  ] },
  emergency_management: { focus: '因灾返贫风险监测和受灾群众救助', unit: '救灾和物资保障股', problems: [
    ['{t}受灾农户数据统计不完整', '组织乡镇逐户核实灾情，补录受灾农户信息'],
    ['因灾返贫致贫风险预警信息推送不及时', '建立灾情信息即时推送机制'],
    ['受灾监测对象救助政策落实不到位', '对受灾监测对象逐户落实救助措施'],
  ] },
};
const FALLBACK_TEXTS: DutyTexts = { focus: '职责清单落实情况', unit: '综合股', problems: [
  ['职责清单落实情况台账不完整', '完善工作台账，明确专人负责'],
  ['政策宣传覆盖面不够', '利用多种形式开展政策宣传'],
] };
const textsOf = (code: string): DutyTexts => DUTY_TEXTS[code] ?? FALLBACK_TEXTS;

// ── self-checks and 整改台账 ────────────────────────────────────────────────

function planSelfChecks(x: LinkageDemoInput, periods: LinkageDemoPeriods, root: Random): SelfCheckPlan[] {
  const out: SelfCheckPlan[] = [];
  const latest = periods.months.at(-1);
  for (const d of x.departments) {
    const rng = root.fork(`self-check:${d.code}`);
    const profile = profileOf(d.code);
    const texts = textsOf(d.code);
    const owners = [fullName(rng, 'male', 1978), fullName(rng, 'female', 1986)];
    const by = d.code === x.users.deptDepartment ? x.users.dept : null;
    for (const month of periods.months) {
      if (inSlot(MISSING_SELF_CHECKS, periods, d.code, month)) continue;
      const dueDate = selfCheckDueDate(month, x.dueDay);
      const late = rng.chance(profile.late);
      const planned = late ? addDays(dueDate, rng.int(1, 8)) : addDays(dueDate, -rng.int(0, 4));
      const draft = planned >= x.today || (month === latest && slotOf(periods, month).slot === 'current' && d.code === DRAFT_SELF_CHECK_DEPARTMENT);
      const reportDate = draft ? minDate(addDays(dueDate, -3), addDays(x.today, -1)) : planned;
      const createdAt = instant(addDays(reportDate, -rng.int(1, 3)), 9, rng.int(0, 59), x.now);
      const submittedAt = draft ? null : officeHour(rng, reportDate, x.now);
      const count = rng.chance(profile.noProblem) ? 0 : Math.min(texts.problems.length, rng.weighted([[1, 3], [2, 4], [3, 2], [4, 1]] as const));
      const pool = rng.shuffle([...texts.problems]);
      const problems: RectificationPlan[] = [];
      for (const [problemText, measure] of pool.slice(0, count)) {
        problems.push(planRectification(x, rng, profile, {
          problem: problemText.replace('{t}', rng.pick(x.townships).name), measure,
          owner: `${texts.unit} ${rng.pick(owners)}`, reportDate, createdAt, draft,
        }));
      }
      out.push({
        department: d.code, month, status: draft ? 'draft' : 'submitted', dueDate, reportDate, createdAt, submittedAt, late: !draft && late, by, problems,
        summary: `${monthLabel(month)}，${d.name}对照“5+2”联动机制职责清单，围绕${texts.focus}开展全面自查，`
          + (count ? `共查摆问题${count}个，已逐项建立整改台账，明确整改措施、责任人和完成时限。` : '未发现需要整改的问题，各项工作正常推进。'),
      });
    }
  }
  return out;
}

function planRectification(
  x: LinkageDemoInput, rng: Random, profile: Profile,
  r: { problem: string; measure: string; owner: string; reportDate: string; createdAt: string; draft: boolean },
): RectificationPlan {
  const createdAt = r.createdAt;
  const base = { problem: r.problem, measure: r.measure, owner: r.owner, createdAt };
  if (!r.draft && rng.chance(0.07)) {
    return { ...base, deadline: addDays(r.reportDate, rng.int(90, 150)), status: 'long_term', doneOn: null, evidence: [{ name: '长期整改工作方案', note: '分阶段推进，按季度报告进展' }], updatedAt: createdAt };
  }
  const span = rng.int(15, 45);
  const deadline = addDays(r.reportDate, span);
  const stuck = r.draft || rng.chance(profile.stuck);
  const doneOn = stuck ? null : addDays(r.reportDate, rng.int(4, span + profile.slip));
  if (doneOn === null || doneOn >= x.today) return { ...base, deadline, status: 'in_progress', doneOn: null, evidence: [], updatedAt: createdAt };
  const evidence: Evidence[] = [{ name: '整改前后对比照片', note: `${doneOn} 现场拍摄` }];
  if (rng.chance(0.5)) evidence.push({ name: '整改销号表', note: null });
  return { ...base, deadline, status: 'done', doneOn, evidence, updatedAt: instant(doneOn, 16, rng.int(0, 59), x.now) };
}

// ── 乡镇评分排名 ─────────────────────────────────────────────────────────────

function planTownshipRankings(x: LinkageDemoInput, periods: LinkageDemoPeriods, selfChecks: SelfCheckPlan[], root: Random): TownshipRankingPlan[] {
  const quality = root.fork('township-quality');
  const base = new Map(x.townships.map((t) => [t.code, quality.normalIn(88, 3.5, 78, 96)]));
  const close = new Set(x.departments.filter((d) => d.class === 'close').map((d) => d.code));
  const out: TownshipRankingPlan[] = [];
  for (const sc of selfChecks) {
    if (!close.has(sc.department) || sc.status !== 'submitted' || inSlot(MISSING_TOWNSHIP_RANKINGS, periods, sc.department, sc.month)) continue;
    const rng = root.fork(`township-ranking:${sc.department}:${sc.month}`);
    const scores = x.townships.map((t) => ({ townshipCode: t.code, score: Math.round(Math.min(99.5, Math.max(70, base.get(t.code)! + rng.normal(0, 2.5))) * 10) / 10, remark: null as string | null }));
    const ranked = rankTownships(scores);
    const lastRank = Math.max(...ranked.map((r) => r.rank));
    for (const r of ranked) {
      if (r.rank === 1) r.remark = '工作扎实，问题整改及时';
      else if (r.rank === lastRank) r.remark = '工作推进相对滞后，已约谈乡镇分管负责同志';
    }
    out.push({ department: sc.department, month: sc.month, submittedAt: instant(sc.reportDate, 8, rng.int(0, 29), x.now), by: sc.by, items: ranked });
  }
  return out;
}

// ── 每月小结 (meetings) ───────────────────────────────────────────────────

const MEETING_KINDS = ['progress', 'exchange', 'observation'] as const;
const MEETING_KIND_TITLES = { progress: '工作推进会', exchange: '工作交流会', observation: '现场观摩会' } as const;
const MEETING_TASKS: readonly (readonly [string | null, string])[] = [
  [null, '各成员单位对照核查暗访反馈问题完成整改并报送整改情况'],
  [null, '各成员单位更新本部门职责清单落实台账'],
  ['housing', '县住建局牵头对C级危房改造项目开展专项督导'],
  ['medical_insurance', '县医保局完成监测对象参保信息比对并反馈乡镇'],
  ['water', '县水利局完成农村供水工程水质抽检并报送结果'],
  ['civil_affairs', '县民政局完成低保对象动态调整情况复核'],
  ['human_resources', '县人社局完成公益性岗位人员在岗情况排查'],
  ['education', '县教育局完成控辍保学动态核查'],
  ['rural_revitalization', '县乡村振兴局汇总各部门预警信息并组织集中研判'],
  ['agriculture', '县农业农村局完成帮扶车间运行情况摸排'],
  ['commerce', '县商务局完成农村电商服务站点运营情况排查'],
  ['culture_tourism', '县文旅局完成脱贫村综合性文化服务中心管理情况自查'],
  ['emergency_management', '县应急管理局完成受灾农户数据核实并推送'],
];
const ABSENCE_REMARKS = {
  absent: ['未请假缺席', '无故缺席'],
  improper: ['派一般工作人员参会，未按要求由分管负责同志参加', '迟到且提前离会'],
  excused: ['参加市级业务培训，已书面请假', '因公出差，已请假'],
} as const;

function planMeetings(x: LinkageDemoInput, periods: LinkageDemoPeriods, selfChecks: SelfCheckPlan[], root: Random): MeetingPlan[] {
  const out: MeetingPlan[] = [];
  const names = new Map(x.departments.map((d) => [d.code, d.name]));
  const meetingMonths = [...periods.months, monthOf(x.today)];
  meetingMonths.forEach((month, i) => {
    const rng = root.fork(`meeting:${month}`);
    const heldOn = workday(`${month}-${pad(rng.int(15, 24))}`);
    if (heldOn >= x.today) return;
    const kind = MEETING_KINDS[i % MEETING_KINDS.length]!;
    const township = rng.pick(x.townships).name;
    const attendance = x.departments.map((d) => {
      const p = profileOf(d.code);
      const status = rng.weighted([['present', 1 - p.absent - p.improper - p.excused], ['absent', p.absent], ['improper', p.improper], ['excused', p.excused]] as const);
      return { department: d.code, status, remark: status === 'present' ? null : rng.pick(ABSENCE_REMARKS[status]) };
    });
    const reviewed = previousMonth(month);
    const stats = periods.months.includes(reviewed) ? monthStats(selfChecks.filter((s) => s.month === reviewed), x.departments.length, names, heldOn) : null;
    const tasks = rng.shuffle([...MEETING_TASKS]).slice(0, rng.int(1, 3)).map(([department, title]) => {
      const deadline = addDays(heldOn, rng.int(10, 20));
      const weak = department !== null && WEAK_DEPARTMENTS.includes(department);
      const doneOn = rng.chance(weak ? 0.5 : 0.95) ? addDays(heldOn, rng.int(5, daysBetween(heldOn, deadline))) : null;
      const done = doneOn !== null && doneOn < x.today;
      return { department, title, deadline, status: done ? 'done' as const : 'open' as const, doneOn: done ? doneOn : null };
    });
    const missing = attendance.filter((a) => a.status === 'absent' || a.status === 'improper').map((a) => names.get(a.department)!);
    out.push({
      kind, heldOn, attendance, tasks, createdAt: instant(heldOn, 17, rng.int(0, 59), x.now),
      title: `${monthLabel(month)}“5+2”联动机制${MEETING_KIND_TITLES[kind]}`,
      agenda: meetingAgenda(kind, reviewed, township),
      minutes: meetingMinutes(kind, reviewed, stats, missing, township, tasks.length),
    });
  });
  return out;
}

interface MonthStats { submitted: number; total: number; late: string[]; missing: string[]; problems: number; done: number }

function monthStats(reports: SelfCheckPlan[], total: number, names: Map<string, string>, asOf: string): MonthStats {
  const submitted = reports.filter((r) => r.status === 'submitted' && r.reportDate < asOf);
  const filed = new Set(submitted.map((r) => r.department));
  const problems = submitted.flatMap((r) => r.problems);
  return {
    submitted: submitted.length, total,
    late: submitted.filter((r) => r.late).map((r) => names.get(r.department)!),
    missing: [...names.keys()].filter((code) => !filed.has(code)).map((code) => names.get(code)!),
    problems: problems.length,
    done: problems.filter((p) => p.doneOn !== null && p.doneOn <= asOf).length,
  };
}

function meetingAgenda(kind: MeetingPlan['kind'], reviewed: Month, township: string): string {
  const second = {
    progress: '二、县医保局、县住建局汇报重点工作推进情况',
    exchange: '二、县民政局、县人社局交流防返贫监测帮扶工作经验',
    observation: `二、现场观摩${township}防返贫动态监测和帮扶工作`,
  }[kind];
  return [`一、通报${monthLabel(reviewed)}各成员单位自查报送及问题整改情况`, second, '三、通报核查暗访发现的问题', '四、安排部署下步工作'].join('\n');
}

function meetingMinutes(kind: MeetingPlan['kind'], reviewed: Month, s: MonthStats | null, missing: string[], township: string, taskCount: number): string {
  const lines: string[] = [kind === 'observation' ? `会议在${township}召开，由县联动办公室主持，与会人员现场观摩了${township}防返贫动态监测和帮扶工作。` : '会议由县联动办公室主持。'];
  if (s) {
    let line = `${monthLabel(reviewed)}，${s.total}个成员单位中${s.submitted - s.late.length}个按时报送自查报告`;
    if (s.late.length) line += `，${s.late.join('、')}逾期报送`;
    if (s.missing.length) line += `，${s.missing.join('、')}未报送`;
    lines.push(`${line}；共查摆问题${s.problems}个，截至会前已整改${s.done}个。`);
  } else {
    lines.push(`会议回顾了${monthLabel(reviewed)}各成员单位联动工作开展情况。`);
  }
  lines.push('会议指出，各成员单位要坚持问题导向，对查摆的问题深挖根源、举一反三，以高标准推动问题销号清零。');
  if (missing.length) lines.push(`本次会议${missing.join('、')}未按要求参会，按《奖优惩后评分细则》扣分。`);
  lines.push(`会议要求：一是按时报送月度自查报告和整改台账；二是畅通预警信息推送渠道，做到随时发生、即时推送；三是抓好会议安排的${taskCount}项任务落实。`);
  return lines.join('\n');
}

// ── 政策共享 (policy library) ──────────────────────────────────────────────

interface PolicyDef { level: PolicyPlan['level']; body: string; title: string; summary: string; tags: string[]; issued?: string; docNumber?: string }

function policyDefs(x: LinkageDemoInput, year: number): PolicyDef[] {
  const { county, city, province } = x.names;
  const seedNumber = x.countyCode === '411321' ? '召巩固拓展专班〔2023〕1号' : undefined; // seed 004's own 文号
  return [
    { level: 'central', body: '中共中央 国务院', issued: '2020-12-16', tags: ['有效衔接', '过渡期'], title: '关于实现巩固拓展脱贫攻坚成果同乡村振兴有效衔接的意见',
      summary: '过渡期内保持主要帮扶政策总体稳定，健全防止返贫动态监测和帮扶机制，坚决守住不发生规模性返贫的底线。' },
    { level: 'county', body: `${county}巩固拓展脱贫攻坚成果工作专班`, issued: '2023-03-10', tags: ['5+2联动'], docNumber: seedNumber,
      title: `${county}巩固拓展脱贫攻坚成果同乡村振兴有效衔接重点行业部门“5+2”联动机制工作方案`,
      summary: '建立重点行业部门“月自查、月汇报、月核查、季排序、季通报”和信息共享、协同处置机制，明确26个成员单位职责清单和奖优惩后评分细则。' },
    { level: 'central', body: '中央农村工作领导小组', issued: '2021-05-14', tags: ['防返贫监测'], title: '关于健全防止返贫动态监测和帮扶机制的指导意见',
      summary: '明确监测对象范围和监测范围，简化识别程序，对脱贫不稳定户、边缘易致贫户和突发严重困难户分类落实帮扶措施。' },
    { level: 'provincial', body: `${province}乡村振兴局`, tags: ['防返贫监测'], title: `${province}防止返贫动态监测和帮扶工作实施细则`,
      summary: '细化农户自主申报、基层干部排查、部门筛查预警三种监测方式，规定识别纳入、帮扶和风险消除的办理时限。' },
    { level: 'central', body: '财政部 国家乡村振兴局等', issued: '2021-03-26', tags: ['衔接资金'], title: '中央财政衔接推进乡村振兴补助资金管理办法',
      summary: '规范衔接资金的支持方向、分配、使用和绩效管理，优先支持联农带农富农产业发展。' },
    { level: 'city', body: `${city}巩固拓展脱贫攻坚成果工作专班`, tags: ['防返贫监测', '集中排查'], title: `${city}${year}年防止返贫致贫集中排查工作方案`,
      summary: '组织开展全覆盖集中排查，重点核查“两不愁三保障”和饮水安全，对排查发现的风险户及时纳入监测并落实帮扶。' },
    { level: 'central', body: '国务院办公厅', issued: '2021-10-28', tags: ['医疗保障'], title: '关于健全重特大疾病医疗保险和救助制度的意见',
      summary: '强化基本医保、大病保险、医疗救助综合保障，对低收入人口分类资助参保，建立防范化解因病返贫致贫长效机制。' },
    { level: 'provincial', body: `${province}财政厅 ${province}乡村振兴局`, tags: ['衔接资金'], title: `${province}财政衔接推进乡村振兴补助资金管理办法`,
      summary: '明确省级衔接资金分配因素和使用负面清单，要求项目资金公告公示，强化资金绩效评价结果运用。' },
    { level: 'county', body: `${county}人民政府办公室`, tags: ['衔接资金', '项目库'], docNumber: `演示〔${year}〕1号`, title: `${county}${year}年财政衔接推进乡村振兴补助资金项目计划调整方案`,
      summary: '根据项目实施进度调整部分衔接资金项目，新增产业发展和小型公益性基础设施项目，调整后的项目计划在县政府网站公示。' },
    { level: 'central', body: '人力资源社会保障部等', issued: '2021-05-08', tags: ['就业帮扶'], title: '关于切实加强就业帮扶巩固拓展脱贫攻坚成果助力乡村振兴的指导意见',
      summary: '稳定脱贫人口务工规模，用好公益性岗位托底安置，加强职业技能培训，促进脱贫人口稳定就业。' },
    { level: 'provincial', body: `${province}地方金融监督管理局等`, tags: ['小额信贷'], title: '关于进一步做好脱贫人口小额信贷工作的通知',
      summary: '坚持“5万元以下、3年期以内、免担保免抵押、基准利率放贷、财政贴息、县建风险补偿金”政策要点，做好到期贷款续贷展期。' },
    { level: 'city', body: `${city}乡村振兴局`, tags: ['雨露计划'], title: `关于做好${year}年度雨露计划补助工作的通知`,
      summary: '对脱贫家庭和监测对象家庭子女接受中高职教育的给予补助，规范申报、审核、公示和资金发放程序。' },
    { level: 'central', body: '住房和城乡建设部等', issued: '2021-04-20', tags: ['住房安全'], title: '关于做好农村低收入群体等重点对象住房安全保障工作的实施意见',
      summary: '建立农村低收入群体住房安全动态监测机制，通过农村危房改造等方式保障住房安全，做到“危房不住人、住人不危房”。' },
    { level: 'county', body: `${county}乡村振兴局 ${county}医疗保障局`, tags: ['医疗保障', '参保资助'], docNumber: `演示〔${year}〕2号`, title: `关于做好${year}年度脱贫人口和监测对象参保资助工作的通知`,
      summary: '明确特困人员、低保对象、返贫致贫人口和监测对象的参保资助标准，要求逐人比对参保信息，确保应保尽保。' },
    { level: 'county', body: `${county}民政局`, tags: ['社会救助'], docNumber: `演示〔${year}〕3号`, title: `${county}低收入人口动态监测和分层分类救助工作实施方案`,
      summary: '依托低收入人口动态监测信息平台，对低保、特困、低保边缘和刚性支出困难家庭分层分类落实救助帮扶。' },
  ];
}

function planPolicies(x: LinkageDemoInput, periods: LinkageDemoPeriods, root: Random): PolicyPlan[] {
  const rng = root.fork('policies');
  const months = [...periods.months, monthOf(x.today)];
  const defs = policyDefs(x, Number(x.today.slice(0, 4)));
  const out: PolicyPlan[] = [];
  defs.forEach((def, i) => {
    const month = months[Math.floor((i * months.length) / defs.length)]!;
    const publishedOn = `${month}-${pad(rng.int(3, 26))}`;
    if (publishedOn >= x.today) return;
    const publishedAt = officeHour(rng, publishedOn, x.now);
    const receipts: PolicyPlan['receipts'] = [];
    for (const d of x.departments) {
      const readOn = addDays(publishedOn, rng.int(0, 9));
      if (!rng.chance(profileOf(d.code).read) || readOn >= x.today) continue;
      // A department reads through its own user; without one, the office records the department's receipt.
      const userId = d.code === x.users.deptDepartment ? x.users.dept : x.users.county;
      const readAt = officeHour(rng, readOn, x.now);
      receipts.push({ department: d.code, userId, readAt: laterOf(readAt, publishedAt) });
    }
    out.push({
      level: def.level, issuingBody: def.body, docNumber: def.docNumber ?? null, title: def.title, summary: def.summary, tags: def.tags,
      issuedOn: def.issued ?? addDays(publishedOn, -rng.int(3, 20)), publishedAt, receipts,
    });
  });
  return out;
}

// ── 协同处置 (joint-handling cases) ─────────────────────────────────────────

function planCases(x: LinkageDemoInput, periods: LinkageDemoPeriods, root: Random): CoopCasePlan[] {
  const rng = root.fork('cases');
  const withRisk = (risk: RegExp) => x.households.filter((h) => h.riskTypes.some((r) => risk.test(r)));
  const ill = withRisk(/^illness$/);
  const pickFrom = (list: DemoMonitoredHousehold[], taken: Set<number>) => {
    const free = list.filter((h) => !taken.has(h.id));
    const h = free.length ? rng.pick(free) : null;
    if (h) taken.add(h.id);
    return h;
  };
  const taken = new Set<number>();
  const illA = pickFrom(ill, taken) ?? pickFrom(x.households, taken);
  const otherD = pickFrom(x.households, taken);
  const township = rng.pick(x.townships).name;
  const where = (h: DemoMonitoredHousehold | null) => (h ? `${h.township}${h.village}` : township);
  const prevStart = quarterStart(periods.prev);
  const lastStart = quarterStart(periods.last);
  const curStart = quarterStart(periods.current);

  type TaskSpec = [department: string, title: string, days: number, outcome: 'done' | 'open' | 'carried', note: string];
  const build = (c: Omit<CoopCasePlan, 'closedOn' | 'closeNote' | 'tasks' | 'householdId' | 'subject'> & { household?: DemoMonitoredHousehold | null; subject?: string; closeNote: string }, specs: TaskSpec[]): CoopCasePlan | null => {
    if (c.openedOn >= x.today) return null;
    const tasks = specs.map(([department, title, days, outcome, note]): CoopTaskPlan => {
      const deadline = addDays(c.openedOn, days);
      const closedOn = outcome === 'open' ? null : addDays(deadline, -rng.int(1, Math.min(8, days - 1)));
      if (closedOn === null || closedOn >= x.today) return { department, title, deadline, status: 'open', progress: outcome === 'open' ? note : '正在办理', resultNote: null, carryNote: null, closedOn: null };
      return outcome === 'done'
        ? { department, title, deadline, status: 'done', progress: null, resultNote: note, carryNote: null, closedOn }
        : { department, title, deadline, status: 'carried_over', progress: null, resultNote: null, carryNote: note, closedOn };
    });
    const allClosed = tasks.every((t) => t.closedOn !== null);
    const lastClosed = tasks.reduce((m, t) => (t.closedOn! > m ? t.closedOn! : m), c.openedOn);
    const closedOn = allClosed ? addDays(lastClosed, 2) : null;
    const closed = closedOn !== null && closedOn < x.today;
    const { household, subject, closeNote, ...rest } = c;
    return { ...rest, householdId: household?.id ?? null, subject: household ? null : (subject ?? null), closedOn: closed ? closedOn : null, closeNote: closed ? closeNote : null, tasks };
  };

  const cases = [
    build({ kind: 'assignment', openedOn: workday(addDays(prevStart, 20)), title: '关于核查部分监测对象基本医疗保险参保情况的交办件', details: {},
      description: '县联动办公室在行业数据比对中发现，部分监测对象参保状态与医保系统记录不一致，交相关部门逐人核实，确保应保尽保。',
      subject: '参保状态异常的监测对象（12人）', closeNote: '参保状态已逐人核实，应保尽保，交办事项办结。' }, [
      ['medical_insurance', '逐人核实参保状态，对未参保人员落实资助参保', 25, 'done', '已核实12人，其中9人系异地参保，3人已完成资助参保'],
      ['health', '对其中慢性病患者落实家庭医生签约随访', 30, 'done', '已完成签约随访并更新健康档案'],
    ]),
    build({ kind: 'consultation', openedOn: workday(addDays(prevStart, 48)), household: illA, subject: '因病返贫风险农户',
      title: `关于${where(illA)}一户监测对象因病返贫风险的联席会商`,
      description: '该户主要劳动力突发重病住院治疗，自付医疗费用较高，家庭收入骤降，存在返贫风险。单个部门难以解决，由县联动办公室牵头组织相关部门会商研判。',
      details: {
        participants: ['县乡村振兴局', '县医保局', '县民政局', '县卫健委', '县人社局', `${illA?.township ?? township}人民政府`],
        minutes: '会商认为，该户因病返贫风险较高，应在落实基本医保、大病保险和医疗救助三重保障的基础上，叠加临时救助和就业帮扶措施，防止返贫。',
        decisions: ['县医保局落实医疗救助倾斜支付，做好“一站式”结算', '县民政局按程序启动临时救助，符合条件的纳入低保', '县卫健委安排家庭医生定期随访', '县人社局为家庭其他劳动力提供就业岗位信息'],
      }, closeNote: '会商决定事项均已落实，该户风险得到有效控制。' }, [
      ['medical_insurance', '落实医疗救助倾斜支付和“一站式”结算', 15, 'done', '已按规定报销，个人自付比例降至10%以内'],
      ['civil_affairs', '启动临时救助程序，符合条件的纳入低保', 20, 'done', '已发放临时救助金并纳入低保'],
      ['health', '安排家庭医生定期随访', 20, 'done', '已签约家庭医生，每月随访一次'],
      ['human_resources', '为家庭其他劳动力提供就业岗位信息', 30, 'done', '已推荐1人到县内帮扶车间就业'],
    ]),
    build({ kind: 'joint_handling', openedOn: workday(addDays(lastStart, 14)), subject: `${township}山洪灾害受灾农户`, title: `${township}山洪灾害受灾农户联合处置`,
      description: '强降雨引发山洪，部分农户房屋受损、供水管道被冲毁。县联动办公室会同相关部门赶赴现场核查、现场研判、现场处置。',
      details: {
        team: ['县应急管理局 救灾和物资保障股', '县住建局 村镇建设股', '县民政局 社会救助股', '县水利局 农村供水股', `${township}分管负责同志`],
        findings: '现场核实受灾农户17户，其中脱贫户和监测对象3户；房屋受损5户，供水管道冲毁约800米。',
        actions: ['对受损房屋逐户开展安全鉴定，危房人员转移安置', '对受灾群众落实临时救助和救灾物资', '抢修供水管网，抢修期间临时送水', '将受灾严重农户纳入监测'],
      }, closeNote: '受灾群众得到妥善安置，供水恢复，受灾严重农户已纳入监测。' }, [
      ['emergency_management', '核实受灾户数和损失情况并推送预警信息', 5, 'done', '已核实受灾17户并推送乡村振兴部门'],
      ['housing', '对受损房屋开展安全鉴定', 10, 'done', '鉴定5户，其中C级2户已纳入危房改造'],
      ['civil_affairs', '对受灾群众落实临时救助', 10, 'done', '已对6户发放临时救助金'],
      ['water', '抢修受损供水管网', 12, 'done', '管网已修复，恢复正常供水'],
    ]),
    build({ kind: 'assignment', openedOn: workday(addDays(lastStart, 24)), title: '关于公益性岗位人员在岗履职情况的交办件', details: {},
      description: '核查暗访发现个别公益性岗位人员长期不在岗、“人岗不适”，交相关部门排查整改。', subject: '公益性岗位在岗履职问题', closeNote: '公益性岗位问题已整改到位。' }, [
      ['human_resources', '对全县公益性岗位在岗情况开展排查', 25, 'done', '排查公益岗1200余个，调整不符合条件人员8人'],
      ['transport', '整改交通部门公益性岗位“人岗不适”问题', 20, 'done', '已调整2人，建立月考勤制度'],
    ]),
    build({ kind: 'joint_prevention', openedOn: workday(addDays(lastStart, 31)), title: '汛期因灾返贫致贫风险联防联控', details: {},
      description: '主汛期强降雨频发，各部门加强因灾返贫致贫风险监测，畅通预警信息推送渠道，做到随时发生、即时推送。', subject: '全县汛期受灾风险', closeNote: '汛期结束，联防联控转入常态化监测。' }, [
      ['emergency_management', '每日汇总灾情信息并推送乡村振兴部门', 40, 'done', '汛期共推送灾情信息23条'],
      ['water', '开展农村供水工程汛期安全巡查', 30, 'done', '巡查供水工程86处，整改隐患4处'],
      ['housing', '开展农村危旧房屋汛期排查', 30, 'done', '排查危旧房屋并转移人员11人'],
      ['public_security', '反馈汛期因灾受伤农户信息', 40, 'carried', '转入常态化信息反馈机制，按月反馈'],
    ]),
    build({ kind: 'assignment', openedOn: workday(addDays(lastStart, 40)), household: otherD, subject: '群众反映饮水和住房安全问题',
      title: '关于群众反映饮水和住房安全问题的交办件',
      description: `群众反映${where(otherD)}部分农户用水高峰期水压不足，个别农户住房存在安全隐患，交县水利局、县住建局核实整改。`,
      details: {}, closeNote: '反映问题均已整改到位。' }, [
      ['water', '解决部分农户用水高峰期水压不足问题', 35, 'open', '已完成管网排查，加压设施正在采购安装'],
      ['housing', '对反映的住房安全隐患开展鉴定并落实改造', 30, 'done', '已鉴定并纳入危房改造，改造已完工'],
    ]),
    build({ kind: 'joint_prevention', openedOn: workday(addDays(curStart, 7)), title: `${quarterLabel(periods.current)}控辍保学联防联控`, details: {},
      description: '开展适龄儿童少年入学情况比对核查，对存在辍学风险的学生落实劝返和资助措施。', subject: '义务教育阶段适龄儿童少年', closeNote: '控辍保学任务完成。' }, [
      ['public_security', '提供适龄人口户籍信息用于比对', 20, 'done', '已提供全县适龄人口户籍信息'],
      ['education', '开展适龄儿童少年入学情况比对核查', 40, 'open', '比对已完成，正在逐人核实'],
      ['civil_affairs', '对困难家庭学生落实救助措施', 45, 'open', '正在核实困难家庭学生名单'],
    ]),
    build({ kind: 'assignment', openedOn: workday(addDays(curStart, 15)), title: '关于部分脱贫户小额信贷到期还款情况的交办件', details: {},
      description: '部分脱贫户小额信贷即将到期，个别农户因产业发展周期等原因还款困难，交相关部门摸排并落实续贷或展期。', subject: '小额信贷到期脱贫户', closeNote: '到期贷款均已妥善处理。' }, [
      ['financial_work', '摸排到期未还款脱贫户，落实续贷或展期', 35, 'open', '已摸排到期贷款户，正在对接银行'],
      ['banking_regulation', '督促合作银行规范续贷手续', 30, 'open', '已召开银行机构座谈会'],
    ]),
  ];
  return cases.filter((c): c is CoopCasePlan => c !== null);
}

// ── 资料报送 (submission requests) ──────────────────────────────────────────

function planRequests(x: LinkageDemoInput, periods: LinkageDemoPeriods, root: Random): SubmissionRequestPlan[] {
  const close = x.departments.filter((d) => d.class === 'close').map((d) => d.code);
  const emergency = x.departments.filter((d) => d.class === 'emergency').map((d) => d.code);
  const all = x.departments.map((d) => d.code);
  const defs = [
    { monthIndex: 0, day: 20, departments: [...close, ...emergency, 'rural_revitalization'], title: (l: string) => `${l}防返贫监测行业数据比对结果报送`,
      description: '请将本行业掌握的脱贫人口和监测对象风险数据与防返贫监测系统比对，报送比对结果和核实情况。' },
    { monthIndex: 1, day: 15, departments: close, title: (l: string) => `${l}“两不愁三保障”及饮水安全政策落实情况报送`,
      description: '请报送本部门负责的“两不愁三保障”及饮水安全政策落实情况、存在问题和下步措施。' },
    { monthIndex: 2, day: 25, departments: all, title: (l: string) => `${l}巩固拓展脱贫攻坚成果工作总结报送`,
      description: '请报送本季度巩固拓展脱贫攻坚成果工作总结，包括职责清单落实、自查整改和联动工作开展情况。' },
  ];
  const out: SubmissionRequestPlan[] = [];
  for (const slot of ['prev', 'last', 'current'] as const) {
    const q = quarterOfSlot(periods, slot);
    defs.forEach((def, index) => {
      const rng = root.fork(`request:${slot}:${index}`);
      const dueDate = `${monthsOfQuarter(q)[def.monthIndex]}-${pad(def.day)}`;
      const createdOn = workday(addDays(dueDate, -12));
      if (createdOn >= x.today) return;
      const known = def.departments.filter((c) => all.includes(c));
      const submissions = known.map((department) => {
        const missing = MISSING_SUBMISSION.department === department && MISSING_SUBMISSION.quarter === slot && MISSING_SUBMISSION.requestIndex === index;
        const on = rng.chance(profileOf(department).submitLate) ? addDays(dueDate, rng.int(1, 6)) : addDays(dueDate, -rng.int(0, 7));
        const submittedOn = missing || on >= x.today ? null : on;
        return {
          department, submittedOn, submittedAt: submittedOn ? officeHour(rng, submittedOn, x.now) : null,
          by: submittedOn && department === x.users.deptDepartment ? x.users.dept : null, note: submittedOn ? '已按要求报送' : null,
        };
      });
      out.push({ title: def.title(quarterLabel(q)), description: def.description, dueDate, createdAt: officeHour(rng, createdOn, x.now), submissions });
    });
  }
  return out;
}

// ── manual score items and warning credits ───────────────────────────────

/** [department, item code, day in quarter, evidence, pending?] per quarter slot. */
const MANUAL_ITEMS: Record<QuarterSlot, readonly (readonly [string, string, number, string, boolean?])[]> = {
  prev: [
    ['medical_insurance', 'praise_county', 40, '县巩固拓展脱贫攻坚成果工作专班通报表扬：县医保局在脱贫人口和监测对象参保动员中工作扎实、成效明显（通报文件已存档）'],
    ['civil_affairs', 'publicity_city', 52, '市级主流媒体刊发县民政局低收入人口动态监测和分层分类救助工作经验（报道截图及链接已存档）'],
    ['commerce', 'notice_county', 58, '县巩固拓展脱贫攻坚成果督查通报指出：县商务局农村电商服务站点运营监管不到位（督查通报已存档）'],
    ['agriculture', 'publicity_county', 65, '县融媒体中心专题报道县农业农村局帮扶车间联农带农做法（报道截图已存档）'],
    ['education', 'speech_county_meeting', 70, '在县委县政府召开的巩固拓展脱贫攻坚成果推进会上作控辍保学典型发言（会议通知和发言材料已存档）'],
    ['finance', 'publicity_county', 75, '县融媒体中心报道县财政局衔接资金“一本账”管理做法（报道截图已存档）'],
    ['organization', 'praise_county', 33, '县巩固拓展脱贫攻坚成果工作专班通报表扬：县委组织部驻村第一书记管理工作扎实（通报文件已存档）'],
  ],
  last: [
    ['housing', 'praise_county', 30, '县巩固拓展脱贫攻坚成果工作专班通报表扬：县住建局汛期农村危旧房屋排查和人员转移工作及时有效（通报文件已存档）'],
    ['medical_insurance', 'publicity_city', 45, '市级主流媒体报道县医保局脱贫人口住院“一站式”结算服务经验（报道截图及链接已存档）'],
    ['water', 'notice_county', 62, '县巩固拓展脱贫攻坚成果督查通报指出：县水利局农村供水工程管护责任落实不到位（督查通报已存档）'],
    ['human_resources', 'publicity_county', 68, '县融媒体中心报道县人社局“人人持证、技能河南”订单式培训做法（报道截图已存档）'],
    ['rural_revitalization', 'praise_city', 50, '市巩固拓展脱贫攻坚成果工作专班通报表扬：县乡村振兴局防返贫监测帮扶工作成效明显（通报文件已存档）'],
    ['financial_work', 'publicity_county', 56, '县融媒体中心报道县金融工作局脱贫人口小额信贷“应贷尽贷”做法（报道截图已存档）'],
    ['civil_affairs', 'speech_city', 80, '在全市防止返贫动态监测和帮扶工作推进会上作典型发言（会议通知和发言材料已存档）', true],
  ],
  current: [
    ['emergency_management', 'praise_county', 20, '县巩固拓展脱贫攻坚成果工作专班通报表扬：县应急管理局受灾农户信息推送及时准确（通报文件已存档）'],
  ],
};

function planManualItems(x: LinkageDemoInput, periods: LinkageDemoPeriods, root: Random): ManualItemPlan[] {
  const rng = root.fork('manual-items');
  const known = new Set(x.departments.map((d) => d.code));
  const out: ManualItemPlan[] = [];
  for (const slot of ['prev', 'last', 'current'] as const) {
    const q = quarterOfSlot(periods, slot);
    for (const [department, itemCode, day, evidence, pending] of MANUAL_ITEMS[slot]) {
      scoreItem(itemCode); // a typo in the table above fails loudly
      const occurredOn = addDays(quarterStart(q), day);
      const createdOn = addDays(occurredOn, rng.int(2, 6));
      if (!known.has(department) || occurredOn > quarterEnd(q) || createdOn >= x.today) continue;
      const decidedOn = addDays(createdOn, rng.int(1, 4));
      const approved = !pending && decidedOn < x.today;
      out.push({
        department, quarter: q, itemCode, occurredOn, evidence, status: approved ? 'approved' : 'pending',
        createdAt: officeHour(rng, createdOn, x.now), decidedAt: approved ? officeHour(rng, decidedOn, x.now) : null,
      });
    }
  }
  return out;
}

const WARNING_NOTES: Record<string, string> = {
  medical_insurance: '筛查推送{p}一户农户个人自付医疗费用较高，经核实已纳入监测并落实医疗救助',
  civil_affairs: '推送{p}一户低收入家庭刚性支出骤增预警，经核实已纳入监测并落实临时救助',
  housing: '推送{p}一户农户住房出现安全隐患，经核实已纳入监测并落实危房改造',
  education: '推送{p}一名学生因家庭变故存在辍学风险，经核实已纳入监测并落实教育资助',
  emergency_management: '推送{p}受灾农户信息，经核实一户已纳入监测并落实救灾救助',
  public_security: '推送{p}一户农户主要劳动力因交通事故致伤，经核实已纳入监测并落实帮扶',
};
const WARNING_PLAN: Record<QuarterSlot, readonly string[]> = {
  prev: ['medical_insurance', 'medical_insurance', 'civil_affairs', 'housing', 'education', 'public_security'],
  last: ['medical_insurance', 'civil_affairs', 'civil_affairs', 'housing', 'emergency_management', 'emergency_management', 'education'],
  current: ['medical_insurance', 'emergency_management'],
};

function planWarningCredits(x: LinkageDemoInput, periods: LinkageDemoPeriods, root: Random): WarningCreditPlan[] {
  const rng = root.fork('warnings');
  const places = x.households.length ? x.households.map((h) => `${h.township}${h.village}`) : x.townships.map((t) => t.name);
  const known = new Set(x.departments.map((d) => d.code));
  const out: WarningCreditPlan[] = [];
  for (const slot of ['prev', 'last', 'current'] as const) {
    const q = quarterOfSlot(periods, slot);
    WARNING_PLAN[slot].forEach((department, i) => {
      const occurredOn = addDays(quarterStart(q), rng.int(5, 85));
      if (!known.has(department) || occurredOn > quarterEnd(q) || occurredOn >= x.today) return;
      out.push({
        department, occurredOn, sourceId: `${q.year}Q${q.quarter}-${i + 1}`,
        note: WARNING_NOTES[department]!.replace('{p}', rng.pick(places)), createdAt: officeHour(rng, occurredOn, x.now),
      });
    });
  }
  return out;
}

/** Everything the departments and the office filed, for `x.today`. Pure and deterministic. */
export function planLinkageDemo(x: LinkageDemoInput): LinkageDemoPlan {
  const periods = linkageDemoPeriods(x.today);
  const root = new Random(x.seed).fork(x.today);
  const selfChecks = planSelfChecks(x, periods, root);
  return {
    periods,
    selfChecks,
    townshipRankings: planTownshipRankings(x, periods, selfChecks, root),
    meetings: planMeetings(x, periods, selfChecks, root),
    policies: planPolicies(x, periods, root),
    cases: planCases(x, periods, root),
    requests: planRequests(x, periods, root),
    manualItems: planManualItems(x, periods, root),
    warningCredits: planWarningCredits(x, periods, root),
  };
}

// ── writing the plan ─────────────────────────────────────────────────────

/** `n` ids of `table`'s serial, so related rows can be bulk-loaded together. */
async function reserveIds(q: Queryable, table: string, n: number): Promise<number[]> {
  if (n === 0) return [];
  const rows = await q.query<{ id: number }>(`SELECT nextval(pg_get_serial_sequence($1, 'id')) AS id FROM generate_series(1, $2)`, [table, n]);
  return rows.map((r) => Number(r.id));
}

async function withIds<T>(q: Queryable, table: string, items: readonly T[]): Promise<Map<T, number>> {
  const ids = await reserveIds(q, table, items.length);
  return new Map(items.map((item, i) => [item, ids[i]!]));
}

async function writePlan(q: Queryable, x: LinkageDemoInput, p: LinkageDemoPlan): Promise<void> {
  const county = x.users.county;

  const sc = await withIds(q, 'self_check', p.selfChecks);
  await q.copyFrom('self_check',
    ['id', 'department_code', 'month', 'status', 'summary', 'due_date', 'submitted_at', 'last_submitted_at', 'submitted_late', 'submitted_by', 'version', 'created_by', 'created_at', 'updated_at'],
    p.selfChecks.map((s) => [sc.get(s), s.department, s.month, s.status, s.summary, s.dueDate, s.submittedAt, s.submittedAt, s.late, s.submittedAt ? s.by : null,
      s.submittedAt ? 2 : 1, s.by, s.createdAt, s.submittedAt ?? s.createdAt]));
  await q.copyFrom('rectification',
    ['self_check_id', 'department_code', 'problem', 'measure', 'owner', 'deadline', 'status', 'done_on', 'evidence', 'created_at', 'updated_at'],
    p.selfChecks.flatMap((s) => s.problems.map((r) => [sc.get(s), s.department, r.problem, r.measure, r.owner, r.deadline, r.status, r.doneOn, JSON.stringify(r.evidence), r.createdAt, r.updatedAt])));

  const tr = await withIds(q, 'township_ranking', p.townshipRankings);
  await q.copyFrom('township_ranking', ['id', 'department_code', 'month', 'county_code', 'submitted_at', 'submitted_by'],
    p.townshipRankings.map((t) => [tr.get(t), t.department, t.month, x.countyCode, t.submittedAt, t.by]));
  await q.copyFrom('township_ranking_item', ['ranking_id', 'township_code', 'score', 'rank', 'remark'],
    p.townshipRankings.flatMap((t) => t.items.map((i) => [tr.get(t), i.townshipCode, i.score, i.rank, i.remark])));

  const mt = await withIds(q, 'meeting', p.meetings);
  await q.copyFrom('meeting', ['id', 'kind', 'held_on', 'title', 'agenda', 'minutes', 'created_by', 'created_at', 'updated_at'],
    p.meetings.map((m) => [mt.get(m), m.kind, m.heldOn, m.title, m.agenda, m.minutes, county, m.createdAt, m.createdAt]));
  await q.copyFrom('meeting_attendance', ['meeting_id', 'department_code', 'status', 'remark'],
    p.meetings.flatMap((m) => m.attendance.map((a) => [mt.get(m), a.department, a.status, a.remark])));
  await q.copyFrom('meeting_task', ['meeting_id', 'department_code', 'title', 'deadline', 'status', 'done_on', 'created_at', 'updated_at'],
    p.meetings.flatMap((m) => m.tasks.map((t) => [mt.get(m), t.department, t.title, t.deadline, t.status, t.doneOn, m.createdAt, t.doneOn ? instant(t.doneOn, 16, 0, x.now) : m.createdAt])));

  const pd = await withIds(q, 'policy_doc', p.policies);
  await q.copyFrom('policy_doc', ['id', 'level', 'issuing_body', 'doc_number', 'issued_on', 'title', 'summary', 'tags', 'published_at', 'added_by', 'updated_at'],
    p.policies.map((d) => [pd.get(d), d.level, d.issuingBody, d.docNumber, d.issuedOn, d.title, d.summary, d.tags, d.publishedAt, county, d.publishedAt]));
  await q.copyFrom('policy_receipt', ['policy_id', 'department_code', 'user_id', 'read_at'],
    p.policies.flatMap((d) => d.receipts.map((r) => [pd.get(d), r.department, r.userId, r.readAt])));

  const cc = await withIds(q, 'coop_case', p.cases);
  await q.copyFrom('coop_case', ['id', 'kind', 'title', 'description', 'opened_on', 'opened_by', 'household_id', 'subject', 'details', 'status', 'closed_on', 'close_note', 'created_at', 'updated_at'],
    p.cases.map((c) => [cc.get(c), c.kind, c.title, c.description, c.openedOn, county, c.householdId, c.subject, c.details, c.closedOn ? 'closed' : 'open', c.closedOn, c.closeNote,
      instant(c.openedOn, 10, 0, x.now), instant(c.closedOn ?? c.openedOn, 10, 30, x.now)]));
  await q.copyFrom('coop_task', ['case_id', 'department_code', 'title', 'deadline', 'status', 'progress', 'result_note', 'carry_note', 'closed_on', 'version', 'created_at', 'updated_at'],
    p.cases.flatMap((c) => c.tasks.map((t) => [cc.get(c), t.department, t.title, t.deadline, t.status, t.progress, t.resultNote, t.carryNote, t.closedOn, t.status === 'open' && !t.progress ? 1 : 2,
      instant(c.openedOn, 10, 0, x.now), instant(t.closedOn ?? c.openedOn, 15, 0, x.now)])));

  const rq = await withIds(q, 'submission_request', p.requests);
  await q.copyFrom('submission_request', ['id', 'title', 'description', 'due_date', 'created_by', 'created_at'],
    p.requests.map((r) => [rq.get(r), r.title, r.description, r.dueDate, county, r.createdAt]));
  await q.copyFrom('submission', ['request_id', 'department_code', 'status', 'submitted_on', 'submitted_at', 'submitted_by', 'note'],
    p.requests.flatMap((r) => r.submissions.map((s) => [rq.get(r), s.department, s.submittedOn ? 'submitted' : 'pending', s.submittedOn, s.submittedAt, s.by, s.note])));

  await q.copyFrom('manual_score_item', ['department_code', 'year', 'quarter', 'item_code', 'count', 'occurred_on', 'evidence', 'status', 'created_by', 'created_at', 'decided_by', 'decided_at', 'decision_note'],
    p.manualItems.map((m) => [m.department, m.quarter.year, m.quarter.quarter, m.itemCode, 1, m.occurredOn, m.evidence, m.status, county, m.createdAt,
      m.decidedAt ? x.users.leader : null, m.decidedAt, m.decidedAt ? '情况属实，同意' : null]));
  await q.copyFrom('warning_credit', ['department_code', 'occurred_on', 'source_type', 'source_id', 'note', 'created_at'],
    p.warningCredits.map((w) => [w.department, w.occurredOn, WARNING_SOURCE_TYPE, w.sourceId, w.note, w.createdAt]));
}

// ── scoring steps through the services ───────────────────────────────────

interface DemoContexts { county: AuthedContext; leader: AuthedContext; dept: AuthedContext }

/** A clock standing on `date` at Beijing hh:mm (never after the real clock's now). */
const clockOn = (date: string, hour: number, minute: number, now: string): Clock => () => new Date(instant(date, hour, minute, now));

/** 每月核查: a round per month (about the 12th of the next month) with a recorded seed; findings mostly confirm, one contradicts a rectification reported done in Qlast. */
async function runVerification(db: Db, x: LinkageDemoInput, periods: LinkageDemoPeriods, ctx: DemoContexts): Promise<{ rounds: number; findings: number; contradicted: number | null }> {
  let rounds = 0;
  let findings = 0;
  let contradicted: number | null = null;
  const lastMonths = monthsOfQuarter(periods.last);
  for (const month of periods.months) {
    const day = workday(`${nextMonth(month)}-12`);
    if (day >= x.today) continue;
    const service = new VerificationService(db, clockOn(day, 9, 30, x.now));
    const round = await service.create(ctx.county, {
      month, seed: `demo-${month}`, ...VERIFICATION_SAMPLE, note: `${monthLabel(month)}核查暗访：随机抽取自查报告和整改事项，实地查看台账和整改现场`,
    });
    rounds++;
    const rectIds = round.sample.filter((m) => m.targetType === 'rectification').map((m) => m.targetId);
    const rects = new Map((await db.query<{ id: number; status: string; deadline: string; department_code: string }>(
      'SELECT id, status, deadline, department_code FROM rectification WHERE id = ANY($1)', [rectIds],
    )).map((r) => [Number(r.id), r]));
    let target: number | null = null;
    if (contradicted === null && lastMonths.includes(month)) {
      const candidates = rectIds.map((id) => rects.get(id)!).filter((r) =>
        r.status === 'done' && r.deadline >= quarterStart(periods.last) && r.deadline <= quarterEnd(periods.last));
      const pick = candidates.find((r) => WEAK_DEPARTMENTS.includes(r.department_code)) ?? candidates[0];
      if (pick) target = contradicted = Number(pick.id);
    }
    for (const m of round.sample) {
      if (m.targetType === 'self_check') {
        await service.addFinding(ctx.county, round.id, { targetType: 'self_check', targetId: m.targetId, verdict: 'confirms', note: '实地查看自查台账和影像资料，自查开展情况属实' });
      } else if (m.targetId === target) {
        await service.addFinding(ctx.county, round.id, { targetType: 'rectification', targetId: m.targetId, verdict: 'contradicts', verifiedStatus: 'in_progress', note: '现场核查发现该问题尚未整改到位，与台账“已整改”不符' });
      } else {
        const done = rects.get(m.targetId)?.status === 'done';
        await service.addFinding(ctx.county, round.id, {
          targetType: 'rectification', targetId: m.targetId, verdict: 'confirms', verifiedStatus: done ? 'done' : 'in_progress',
          note: done ? '现场查看整改情况，与台账一致，已整改到位' : '整改正在推进，进度与台账一致',
        });
      }
      findings++;
    }
    await db.query('UPDATE verification_round SET created_at = $2 WHERE id = $1', [round.id, instant(day, 9, 30, x.now)]);
    await db.query(`UPDATE verification_finding SET recorded_at = $2::timestamptz + (id - (SELECT min(id) FROM verification_finding WHERE round_id = $1))::int * interval '20 minutes' WHERE round_id = $1`,
      [round.id, instant(addDays(day, 2), 10, 0, x.now)]);
  }
  return { rounds, findings, contradicted };
}

/** The day a quarter's ranking is computed and published: about the 15th of the month after it, or today if earlier. */
const rankingDay = (q: Quarter, today: string) => minDate(workday(`${nextMonth(monthsOfQuarter(q)[2])}-15`), today);

/** 排序 and 通报 of a quarter through the services; `approve` delivers the notice (leader) and records receipts. */
async function rankAndNotify(db: Db, x: LinkageDemoInput, q: Quarter, ctx: DemoContexts, approve: boolean, root: Random): Promise<{ rankingId: number; noticeId: number }> {
  const day = rankingDay(q, x.today);
  const rankings = new RankingService(db, clockOn(day, 9, 0, x.now));
  const computed = await rankings.compute(ctx.county, q);
  const rankingId = Number(computed.ranking.id);
  await rankings.publish(ctx.county, rankingId, null);
  const notices = new NoticeService(db, clockOn(day, 15, 0, x.now));
  const noticeId = Number((await notices.generate(ctx.county, rankingId)).notice.id);
  await db.query('UPDATE quarter_ranking SET computed_at = $2, published_at = $3 WHERE id = $1', [rankingId, instant(day, 9, 0, x.now), instant(day, 11, 0, x.now)]);
  await db.query('UPDATE linkage_notice SET created_at = $2 WHERE id = $1', [noticeId, instant(day, 15, 0, x.now)]);
  if (!approve) return { rankingId, noticeId };

  const approvedOn = workday(addDays(day, 3));
  const approvedAt = instant(approvedOn, 10, 0, x.now);
  await notices.approve(ctx.leader, noticeId);
  await notices.markRead(ctx.dept, noticeId);
  const rng = root.fork(`notice-receipts:${q.year}Q${q.quarter}`);
  await db.tx(async (tx) => {
    await tx.query('UPDATE linkage_notice SET approved_at = $2 WHERE id = $1', [noticeId, approvedAt]);
    await tx.query('UPDATE notice_receipt SET delivered_at = $2 WHERE notice_id = $1', [noticeId, approvedAt]);
    for (const d of x.departments) {
      const readOn = addDays(approvedOn, rng.int(0, 6));
      const mine = d.code === x.users.deptDepartment;
      if (readOn >= x.today || (!mine && !rng.chance(WEAK_DEPARTMENTS.includes(d.code) ? 0.4 : 0.85))) continue;
      // The demo department signed through the service; the others' receipts are recorded with their date and no reader.
      await tx.query('UPDATE notice_receipt SET read_at = $3 WHERE notice_id = $1 AND department_code = $2 AND (read_at IS NOT NULL) = $4',
        [noticeId, d.code, laterOf(officeHour(rng, readOn, x.now), approvedAt), mine]);
    }
  });
  return { rankingId, noticeId };
}

// ── loading ──────────────────────────────────────────────────────────────

export interface LinkageDemoCounts {
  selfChecks: number; rectifications: number; townshipRankings: number; meetings: number; meetingTasks: number;
  policies: number; policyReceipts: number; coopCases: number; coopTasks: number; submissionRequests: number; submissions: number;
  verificationRounds: number; verificationFindings: number; manualItems: number; warningCredits: number;
  rankings: number; notices: number; seconds: number;
}

/** One line for the log: what the linkage demo created. */
export function linkageDemoSummary(c: LinkageDemoCounts): string {
  return `“5+2”联动: 自查 ${c.selfChecks} 份 / 整改 ${c.rectifications} 条 / 乡镇排名 ${c.townshipRankings} 份 / 会议 ${c.meetings} 次 / 政策 ${c.policies} 件 / `
    + `协同事项 ${c.coopCases} 件 / 资料报送 ${c.submissionRequests} 项 / 核查 ${c.verificationRounds} 轮 / 评分项目 ${c.manualItems} 条 / 预警加分 ${c.warningCredits} 条 / `
    + `季度排序 ${c.rankings} 个 / 通报 ${c.notices} 份，用时 ${c.seconds} 秒`;
}

interface UserRow { id: number; username: string; display_name: string; role: Role; area_code: string; department_code: string | null }

async function demoContexts(q: Queryable): Promise<{ ctx: DemoContexts; users: LinkageDemoInput['users'] }> {
  const rows = await q.query<UserRow>(
    `SELECT id, username, display_name, role, area_code, department_code FROM user_account WHERE username = ANY($1)`, [['county', 'leader', 'dept']],
  );
  const of = (username: string, role: Role): AuthedContext => {
    const u = rows.find((r) => r.username === username && r.role === role);
    if (!u) throw new Error(`演示账号 ${username} 不存在，无法生成“5+2”联动演示数据`);
    return { user: { id: Number(u.id), username, displayName: u.display_name, role, areaCode: u.area_code, departmentCode: u.department_code }, clientIp: '127.0.0.1' };
  };
  const ctx = { county: of('county', 'county_office'), leader: of('leader', 'county_leader'), dept: of('dept', 'department_user') };
  if (!ctx.dept.user.departmentCode) throw new Error('演示账号 dept 没有所属部门，无法生成“5+2”联动演示数据');
  return { ctx, users: { county: ctx.county.user.id, leader: ctx.leader.user.id, dept: ctx.dept.user.id, deptDepartment: ctx.dept.user.departmentCode } };
}

async function placeNames(q: Queryable, countyCode: string): Promise<LinkageDemoInput['names']> {
  const [row] = await q.query<{ county: string; city: string | null; province: string | null }>(
    `SELECT c.name AS county, p.name AS city, g.name AS province
       FROM area c LEFT JOIN area p ON p.code = c.parent_code LEFT JOIN area g ON g.code = p.parent_code WHERE c.code = $1`, [countyCode],
  );
  return { county: row?.county ?? '本县', city: row?.city ?? '本市', province: row?.province ?? '本省' };
}

const hasLinkageRecords = async (q: Queryable) =>
  (await q.query('SELECT 1 FROM self_check UNION ALL SELECT 1 FROM quarter_ranking UNION ALL SELECT 1 FROM meeting LIMIT 1')).length > 0;

/**
 * Load the linkage demo for the county when no linkage record exists yet (else null: nothing is done twice).
 * Needs the registry demo (monitored households) and the demo users county, leader and dept.
 */
export async function loadLinkageDemo(db: Db, o: { countyCode: string; clock: Clock; seed?: number }): Promise<LinkageDemoCounts | null> {
  if (await hasLinkageRecords(db)) return null;
  const started = Date.now();
  const { ctx, users } = await demoContexts(db);
  const townships = await db.query<DemoTownship>(`SELECT code, name FROM area WHERE level = 'township' AND county_code = $1 ORDER BY code`, [o.countyCode]);
  if (!townships.length) throw new Error(`县 ${o.countyCode} 没有乡镇区划，无法生成“5+2”联动演示数据`);
  const departments = await db.query<DemoDepartment>('SELECT code, name, class FROM department ORDER BY sort_order, code');
  const households = (await db.query<{ id: number; risk_types: string[]; village: string; township: string }>(
    `SELECT h.id, h.risk_types, v.name AS village, t.name AS township
       FROM household h JOIN area v ON v.code = h.village_code JOIN area t ON t.code = v.parent_code
      WHERE h.monitor_category IS NOT NULL AND NOT h.risk_eliminated AND v.county_code = $1 ORDER BY h.id LIMIT 300`, [o.countyCode],
  )).map((h) => ({ id: Number(h.id), riskTypes: h.risk_types, village: h.village, township: h.township }));

  const input: LinkageDemoInput = {
    seed: o.seed ?? LINKAGE_DEMO_SEED, today: todayOf(o.clock), now: o.clock().toISOString(), dueDay: (await loadSettings(db)).selfCheckDueDay,
    countyCode: o.countyCode, names: await placeNames(db, o.countyCode), departments, townships, households, users,
  };
  const plan = planLinkageDemo(input);
  await db.tx((q) => writePlan(q, input, plan));

  const verification = await runVerification(db, input, plan.periods, ctx);
  const root = new Random(input.seed).fork(`services:${input.today}`);
  await rankAndNotify(db, input, plan.periods.prev, ctx, true, root);
  await rankAndNotify(db, input, plan.periods.last, ctx, false, root);

  return {
    selfChecks: plan.selfChecks.length,
    rectifications: plan.selfChecks.reduce((n, s) => n + s.problems.length, 0),
    townshipRankings: plan.townshipRankings.length,
    meetings: plan.meetings.length,
    meetingTasks: plan.meetings.reduce((n, m) => n + m.tasks.length, 0),
    policies: plan.policies.length,
    policyReceipts: plan.policies.reduce((n, p) => n + p.receipts.length, 0),
    coopCases: plan.cases.length,
    coopTasks: plan.cases.reduce((n, c) => n + c.tasks.length, 0),
    submissionRequests: plan.requests.length,
    submissions: plan.requests.reduce((n, r) => n + r.submissions.length, 0),
    verificationRounds: verification.rounds,
    verificationFindings: verification.findings,
    manualItems: plan.manualItems.length,
    warningCredits: plan.warningCredits.length,
    rankings: 2,
    notices: 2,
    seconds: Math.round((Date.now() - started) / 100) / 10,
  };
}
