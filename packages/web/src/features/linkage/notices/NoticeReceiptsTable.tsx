import { Table, Tag } from 'antd';
import { formatDateTime, orDash } from '../../../lib/format';
import type { NoticeReceipt } from './types';

/** One receipt per department once delivered: read or not, when and by whom. */
export function NoticeReceiptsTable({ receipts }: { receipts: NoticeReceipt[] }) {
  return (
    <Table<NoticeReceipt>
      rowKey="departmentCode"
      size="small"
      pagination={false}
      dataSource={receipts}
      data-testid="notice-receipts"
      locale={{ emptyText: '通报审核送达后生成各部门签收记录' }}
      columns={[
        { title: '部门', dataIndex: 'departmentName', width: 180 },
        { title: '送达时间', dataIndex: 'deliveredAt', width: 180, render: formatDateTime },
        {
          title: '签收',
          dataIndex: 'readAt',
          width: 220,
          render: (v: string | null) => (v ? <Tag color="green">已阅 {formatDateTime(v)}</Tag> : <Tag color="orange">未阅</Tag>),
        },
        { title: '签收人', dataIndex: 'readByName', render: orDash },
      ]}
    />
  );
}
