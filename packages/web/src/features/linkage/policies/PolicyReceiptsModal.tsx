import { Modal, Progress, Table, Tag } from 'antd';
import { QueryError } from '../../../components/QueryError';
import { formatDateTime, orDash } from '../../../lib/format';
import { DepartmentClassTag } from '../shared/DepartmentClassTag';
import { usePolicyReceipts } from './api';
import type { Policy, PolicyReceipts } from './types';

type Row = PolicyReceipts['items'][number];

/** 阅读回执: which of the 26 departments have read the policy (office only). */
export function PolicyReceiptsModal({ policy, onClose }: { policy: Policy | null; onClose: () => void }) {
  const receipts = usePolicyReceipts(policy?.id ?? null);
  const data = receipts.data;
  return (
    <Modal title={policy ? `阅读回执 · ${policy.title}` : '阅读回执'} open={!!policy} width={820} footer={null} onCancel={onClose} destroyOnHidden>
      {receipts.isError && <QueryError error={receipts.error} onRetry={() => receipts.refetch()} />}
      {data && (
        <div style={{ marginBottom: 12 }}>
          已阅 {data.readCount}/{data.departmentCount} 个部门
          <Progress percent={Math.round((data.readCount / Math.max(data.departmentCount, 1)) * 100)} size="small" />
        </div>
      )}
      <Table<Row>
        rowKey="departmentCode"
        size="small"
        loading={receipts.isFetching}
        dataSource={data?.items}
        pagination={false}
        scroll={{ y: 480 }}
        data-testid="policy-receipts"
        columns={[
          { title: '部门', dataIndex: 'departmentName', width: 170 },
          { title: '类别', dataIndex: 'departmentClass', width: 130, render: (c: string) => <DepartmentClassTag cls={c} /> },
          { title: '阅读情况', dataIndex: 'read', width: 100, render: (r: boolean) => (r ? <Tag color="green">已阅</Tag> : <Tag color="red">未阅</Tag>) },
          { title: '阅读时间', dataIndex: 'readAt', width: 180, render: formatDateTime },
          { title: '阅读人', dataIndex: 'readerName', render: orDash },
        ]}
      />
    </Modal>
  );
}
