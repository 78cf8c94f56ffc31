import { Space, Tag } from 'antd';
import type { SelfCheck } from './types';

/** 草稿 / 已提交, with 逾期提交 and 已退回N次 when they apply. */
export function SelfCheckStatusTags({ report }: { report: Pick<SelfCheck, 'status' | 'statusLabel' | 'submittedLate' | 'reopenedCount' | 'submittedAt'> }) {
  return (
    <Space size={4} wrap>
      <Tag color={report.status === 'submitted' ? 'green' : 'blue'}>{report.statusLabel}</Tag>
      {report.submittedAt && (report.submittedLate ? <Tag color="orange">逾期提交</Tag> : <Tag color="green">按时提交</Tag>)}
      {report.reopenedCount > 0 && <Tag color="gold">已退回{report.reopenedCount}次</Tag>}
    </Space>
  );
}
