import { Alert, Descriptions } from 'antd';
import { formatDate, formatDateTime } from '../../../lib/format';
import { DepartmentClassTag } from '../shared/DepartmentClassTag';
import { monthLabel } from '../shared/months';
import { SelfCheckStatusTags } from './SelfCheckStatusTags';
import type { SelfCheck } from './types';

/** 报告信息: department, month, due date, status, lateness, returns. */
export function SelfCheckHeader({ report }: { report: SelfCheck }) {
  return (
    <>
      {report.status === 'draft' && report.reopenedCount > 0 && (
        <Alert
          type="warning"
          showIcon
          title="该报告已被县联动办公室退回，请修改后重新提交"
          description={report.lastReopenReason ? `退回原因：${report.lastReopenReason}` : undefined}
          style={{ marginBottom: 16 }}
        />
      )}
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} bordered>
        <Descriptions.Item label="部门">
          {report.departmentName} <DepartmentClassTag cls={report.departmentClass} />
        </Descriptions.Item>
        <Descriptions.Item label="自查月份">{monthLabel(report.month)}</Descriptions.Item>
        <Descriptions.Item label="报送期限">{formatDate(report.dueDate)}</Descriptions.Item>
        <Descriptions.Item label="状态">
          <SelfCheckStatusTags report={report} />
        </Descriptions.Item>
        <Descriptions.Item label="首次提交时间">{formatDateTime(report.submittedAt)}</Descriptions.Item>
        <Descriptions.Item label="最近提交时间">{formatDateTime(report.lastSubmittedAt)}</Descriptions.Item>
        <Descriptions.Item label="是否逾期">{report.submittedAt ? (report.submittedLate ? '逾期提交' : '按时提交') : '—'}</Descriptions.Item>
        <Descriptions.Item label="退回次数">{report.reopenedCount}</Descriptions.Item>
        <Descriptions.Item label="最近退回原因">{report.lastReopenReason ?? '—'}</Descriptions.Item>
      </Descriptions>
    </>
  );
}
