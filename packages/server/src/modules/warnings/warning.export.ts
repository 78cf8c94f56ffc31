/** The warning figures as an Excel workbook, through the shared .xlsx writer (every text cell escaped). */
import type { Readable } from 'node:stream';
import { xlsxStream, type XlsxCell, type XlsxSheet } from '../../files/xlsx.writer.js';
import type { Funnel } from './warnings.schemas.js';

interface Figures {
  period: { label: string };
  asOf: string;
  total: Funnel;
  bySource: (Funnel & { label: string })[];
  byDepartment: (Funnel & { label: string })[];
  byArea: (Funnel & { label: string })[];
  areaLevel: 'township' | 'village';
}

const COLUMNS: [keyof Funnel, string][] = [
  ['pushed', '推送数'], ['verified', '已核实'], ['included', '纳入监测'], ['alreadyMonitored', '已是监测对象'], ['notIncluded', '不纳入'],
  ['duplicate', '重复'], ['households', '纳入户数'], ['persons', '纳入人数'], ['overdueOpen', '逾期未核实'], ['verifiedLate', '超期核实'],
];

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
  ]);
}
