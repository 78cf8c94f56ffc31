import { Tag } from 'antd';

/** Where a department's final score came from (ranking.rules.ts `basis`). */
export const BASIS_LABELS: Record<string, string> = { office: '办公室评分', combined: '综合（含延伸评价）', external: '外部评价' };
const BASIS_COLORS: Record<string, string> = { office: 'default', combined: 'blue', external: 'purple' };

export function BasisTag({ basis }: { basis: string }) {
  return <Tag color={BASIS_COLORS[basis] ?? 'default'}>{BASIS_LABELS[basis] ?? basis}</Tag>;
}
