/** Small shared pieces of the 早帮扶 pages: status tags, the labour-rule finding, rates. */
import { Alert, Tag } from 'antd';
import type { Finding } from './types';

export const MEASURE_STATUS: Record<string, { label: string; color: string }> = {
  planned: { label: '计划中', color: 'blue' },
  implemented: { label: '已落实', color: 'green' },
  cancelled: { label: '已取消', color: 'default' },
};
export const PLAN_STATUS: Record<string, string> = { draft: '草稿', active: '执行中', closed: '已结束' };
export const DEADLINE_STATUS: Record<string, { label: string; color: string }> = {
  on_time: { label: '未到期', color: 'blue' },
  due_soon: { label: '即将到期', color: 'orange' },
  overdue: { label: '已逾期', color: 'red' },
};
export const VISIT_KIND: Record<string, string> = { home: '入户走访', phone: '电话走访', help_day: '帮扶日走访' };
export const FOUR_ONE: Record<string, string> = { survey: '一次调研', practical_matter: '一件实事', policy_talk: '一次政策宣讲', yard_cleaning: '一次庭院打扫' };
export const MONITOR_CATEGORY: Record<string, string> = { unstable: '脱贫不稳定户', marginal: '边缘易致贫户', sudden: '突发严重困难户' };

export function MeasureStatusTag({ status }: { status: string }) {
  const s = MEASURE_STATUS[status] ?? { label: status, color: 'default' };
  return <Tag color={s.color}>{s.label}</Tag>;
}

export function DeadlineTag({ status }: { status: string | null | undefined }) {
  if (!status) return null;
  const s = DEADLINE_STATUS[status] ?? { label: status, color: 'default' };
  return <Tag color={s.color}>{s.label}</Tag>;
}

/** The labour rule ("有劳动能力须至少一项开发式措施") as a tag in lists. */
export function FindingTag({ finding }: { finding: Finding }) {
  if (finding.ok) return finding.code === 'satisfied' ? <Tag color="green">有开发式措施</Tag> : <Tag>无劳动力</Tag>;
  return <Tag color="warning" title={finding.message}>{finding.code === 'only_social_security' ? '仅综合保障' : '缺开发式措施'}</Tag>;
}

/** The labour rule on a plan page, in the warning colour when it is not met. */
export function FindingAlert({ finding }: { finding: Finding }) {
  return <Alert type={finding.ok ? 'success' : 'warning'} showIcon title={finding.ok ? '开发式帮扶措施检查' : '开发式帮扶措施不足'} description={finding.message} style={{ marginBottom: 16 }} />;
}

export const percent = (r: number | null | undefined) => (r == null ? '—' : `${Math.round(r * 1000) / 10}%`);
export const decimal = (x: number | null | undefined) => (x == null ? '—' : x.toFixed(2));
export const money = (x: number | null | undefined) => (x == null ? '—' : `${x.toLocaleString('zh-CN')} 元`);
