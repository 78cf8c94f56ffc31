/** The warning figures as an Excel workbook, through the shared .xlsx writer (every text cell escaped). */
import type { Readable } from 'node:stream';
import { xlsxStream, type XlsxCell, type XlsxSheet } from '../../files/xlsx.writer.js';
import type { CoverageCell, Funnel, ScreeningFigures } from './warnings.schemas.js';

interface Figures {
  period: { label: string };
  asOf: string;
  total: Funnel;
  bySource: (Funnel & { label: string })[];
  byDepartment: (Funnel & { label: string })[];
  byArea: (Funnel & { label: string })[];
  areaLevel: 'township' | 'village';
  screening: ScreeningFigures | null;
}

const COLUMNS: [keyof Funnel, string][] = [
  ['pushed', '推送数'], ['verified', '已核实'], ['included', '纳入监测'], ['alreadyMonitored', '已是监测对象'], ['notIncluded', '不纳入'],
  ['duplicate', '重复'], ['households', '纳入户数'], ['persons', '纳入人数'], ['overdueOpen', '逾期未核实'], ['verifiedLate', '超期核实'],
];

const COVERAGE_COLUMNS = [
  { header: '排查轮次', width: 28 }, { header: '类型' }, { header: '起止日期', width: 24 }, { header: '状态' }, { header: '区域', width: 16 },
  { header: '计划走访户数' }, { header: '已走访户数' }, { header: '覆盖率（%）' }, { header: '发现风险（转预警）' },
];
const coverageCells = (c: CoverageCell): XlsxCell[] => [c.planned, c.visited, c.percent, c.riskFound];

/** Sheet 排查覆盖: per kind (summed over its rounds in the period), then per round; each by area with a 合计 row. */
export function coverageSheet(s: ScreeningFigures): XlsxSheet {
  const rows: XlsxCell[][] = [];
  for (const k of s.byKind) {
    if (k.rounds === 0) continue;
    const name = `${k.kindLabel}（本期${k.rounds}轮汇总）`;
    for (const r of k.rows) rows.push([name, k.kindLabel, '', '', r.label, ...coverageCells(r)]);
    rows.push([name, k.kindLabel, '', '', '合计', ...coverageCells(k.total)]);
  }
  for (const round of s.rounds) {
    const head = [round.name, round.kindLabel, `${round.startsOn} 至 ${round.endsOn}`, round.phaseLabel];
    for (const r of round.rows) rows.push([...head, r.label, ...coverageCells(r)]);
    rows.push([...head, '合计', ...coverageCells(round.total)]);
  }
  if (rows.length === 0) rows.push(['本期没有村级月排查或集中排查']);
  return { name: '排查覆盖', columns: COVERAGE_COLUMNS, rows };
}

export function figuresWorkbook(fig: Figures): Readable {
  const sheet = (name: string, first: string, rows: (Funnel & { label: string })[]): XlsxSheet => ({
    name,
    columns: [{ header: first, width: 24 }, ...COLUMNS.map(([, header]) => ({ header }))],
    rows: rows.map((r): XlsxCell[] => [r.label, ...COLUMNS.map(([k]) => r[k])]),
  });
  const township = fig.areaLevel === 'township';
  return xlsxStream([
    sheet('总体', `${fig.period.label}（截至 ${fig.asOf}）`, [{ label: '合计', ...fig.total }]),
    sheet('按来源', '预警来源', fig.bySource),
    sheet('按部门', '推送部门', fig.byDepartment),
    sheet(township ? '按乡镇' : '按村', township ? '乡镇' : '村', fig.byArea),
    ...(fig.screening ? [coverageSheet(fig.screening)] : []),
  ]);
}
