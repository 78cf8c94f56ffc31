/**
 * The quarterly notice's text (每季度一次通报), from a published ranking: each class's ranking with final scores,
 * and the departments lagging for consecutive quarters (全县通报). Pure.
 */
import { DEPARTMENT_CLASS_LABELS, quarterLabel, type DepartmentClass, type Quarter } from '@shouwang/domain';

export interface NoticeEntry { departmentCode: string; departmentName: string; class: DepartmentClass; finalScore: number; rank: number; basis: string }

export interface NoticeTextInput {
  quarter: Quarter;
  entries: readonly NoticeEntry[];
  /** Department codes flagged by laggingDepartments. */
  lagging: readonly string[];
  bottomN: number;
  consecutiveQuarters: number;
  /** Date the notice is drawn up, YYYY-MM-DD. */
  date: string;
}

const CLASS_ORDER: readonly DepartmentClass[] = ['close', 'related', 'emergency'];
const ORDINALS = ['一', '二', '三', '四', '五'];
const BASIS_NOTE: Record<string, string> = { combined: '（含县专班延伸评价）', external: '（采用外部评价结果）', office: '' };

export const formatScore = (n: number) => `${Number.isInteger(n) ? n : n.toFixed(2).replace(/0$/, '')}分`;

export function chineseDate(date: string): string {
  return `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

export function noticeTitle(quarter: Quarter): string {
  return `关于${quarterLabel(quarter)}县直重点行业部门“5+2”联动工作排序情况的通报`;
}

export function noticeBody(i: NoticeTextInput): string {
  const label = quarterLabel(i.quarter);
  const lines: string[] = [
    '各乡镇、县直有关单位：',
    `　　根据《巩固拓展脱贫攻坚成果同乡村振兴有效衔接重点行业部门“5+2”联动机制工作方案》和《奖优惩后评分细则》，县“5+2”联动机制办公室对${label}各行业部门联动工作情况进行了评分排序，经县委县政府分管领导同意，现将排序结果通报如下：`,
  ];
  let section = 0;
  for (const cls of CLASS_ORDER) {
    const members = i.entries.filter((e) => e.class === cls).sort((a, b) => a.rank - b.rank);
    if (!members.length) continue;
    lines.push(`${ORDINALS[section++]}、${DEPARTMENT_CLASS_LABELS[cls]}（${members.length}个）`);
    for (const e of members) lines.push(`　　第${e.rank}名　${e.departmentName}　${formatScore(e.finalScore)}${BASIS_NOTE[e.basis] ?? ''}`);
  }
  lines.push(`${ORDINALS[section]}、连续落后部门`);
  const names = i.lagging.map((code) => i.entries.find((e) => e.departmentCode === code)?.departmentName ?? code);
  if (names.length) {
    lines.push(`　　${names.join('、')}连续${i.consecutiveQuarters}个季度处于本类别后${i.bottomN}位，予以全县通报。请上述部门主要负责同志高度重视，认真查找原因，制定整改措施，切实扭转落后局面。`);
  } else {
    lines.push(`　　本季度没有连续${i.consecutiveQuarters}个季度处于本类别后${i.bottomN}位的部门。`);
  }
  lines.push('　　排名靠前的部门要总结经验、再接再厉；排名靠后的部门要深刻反思、补齐短板，确保“5+2”联动机制各项工作落到实处。');
  lines.push('县巩固拓展脱贫攻坚成果“5+2”联动机制办公室');
  lines.push(chineseDate(i.date));
  return lines.join('\n');
}
