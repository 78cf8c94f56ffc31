/** Pieces shared by the upload page and the run pages: the status tag and the result summary. */
import { Descriptions, Tag } from 'antd';
import type { ComparisonRun, RunStatus } from './api';

const STATUS_COLOR: Record<RunStatus, string> = { queued: 'default', running: 'processing', completed: 'success', failed: 'error' };

export function RunStatusTag({ run }: { run: Pick<ComparisonRun, 'status' | 'statusLabel'> }) {
  return <Tag color={STATUS_COLOR[run.status]}>{run.statusLabel}</Tag>;
}

/** rows / matched / invalid / unmatched / duplicates / hits / new warnings / attached / skipped. */
export function RunCountsView({ run }: { run: ComparisonRun }) {
  const c = run.counts;
  return (
    <Descriptions size="small" bordered column={{ xs: 1, sm: 3, md: 5 }} data-testid="run-counts" items={[
      { key: 'rows', label: '数据行', children: c.rows },
      { key: 'matched', label: '匹配到人员', children: c.matched },
      { key: 'invalid', label: '证件号码无效', children: c.invalidIds },
      { key: 'unmatched', label: '未匹配', children: c.unmatched },
      { key: 'dup', label: '重复出现', children: c.duplicates },
      { key: 'missing', label: '缺少数据', children: c.missingData },
      { key: 'hits', label: '命中规则', children: c.hits },
      { key: 'created', label: '新建预警', children: c.created },
      { key: 'attached', label: '并入未办结预警', children: c.attached },
      { key: 'skipped', label: '重复运行跳过', children: c.skipped },
    ]} />
  );
}

export const formatSize = (n: number) => (n >= 1_048_576 ? `${(n / 1_048_576).toFixed(1)} MB` : n >= 1024 ? `${(n / 1024).toFixed(1)} KB` : `${n} 字节`);
