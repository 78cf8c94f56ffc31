/** A quarterly notice: text, lagging departments, status; the leader approves (delivers), departments mark it read. */
import { CheckOutlined, EditOutlined, FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Popconfirm, Result, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { errorMessage } from '../../../api/client';
import { useAuth } from '../../../app/auth';
import { QueryError } from '../../../components/QueryError';
import { formatDateTime } from '../../../lib/format';
import { PageTitle } from '../shared/PageTitle';
import { useLinkageDepartments } from '../shared/useLinkageDepartments';
import { rankingTitle } from '../rankings/RankingListTab';
import { noticePrintUrl, useApproveNotice, useMarkNoticeRead, useNotice } from './api';
import { NoticeEditModal } from './NoticeEditModal';
import { NoticeStatusTag } from './noticeLabels';
import { NoticeReceiptsTable } from './NoticeReceiptsTable';
import { useDepartmentUser } from '../shared/useDepartmentUser';

export default function NoticeDetailPage() {
  const id = Number(useParams().id);
  const { can } = useAuth();
  const ownDepartment = useDepartmentUser();
  const { message } = App.useApp();
  const detail = useNotice(id);
  const departments = useLinkageDepartments();
  const approve = useApproveNotice();
  const markRead = useMarkNoticeRead();
  const [editing, setEditing] = useState(false);

  if (!Number.isInteger(id) || id <= 0) return <Result status="404" title="通报不存在" />;
  if (detail.isPending) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  if (detail.isError) return <QueryError error={detail.error} onRetry={() => detail.refetch()} />;

  const { notice, receipts } = detail.data;
  const draft = notice.status === 'draft';
  const nameOf = (code: string) => departments.data?.find((d) => d.code === code)?.name ?? code;
  const own = ownDepartment ? receipts.find((r) => r.departmentCode === ownDepartment) : undefined;
  const readCount = receipts.filter((r) => r.readAt).length;

  const onApprove = () =>
    approve.mutate(notice.id, {
      onSuccess: ({ receipts: n }) => message.success(`已审核同意，送达 ${n} 个部门`),
      onError: (e) => message.error(errorMessage(e)),
    });
  const onRead = () =>
    markRead.mutate(notice.id, { onSuccess: () => message.success('已签收'), onError: (e) => message.error(errorMessage(e)) });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <PageTitle
          backTo="/linkage/notices"
          title={
            <>
              季度通报 <NoticeStatusTag status={notice.status} />
            </>
          }
          extra={
            <Space wrap>
              <Button icon={<PrinterOutlined />} onClick={() => window.open(noticePrintUrl(notice.id), '_blank', 'noopener')} data-testid="notice-print">
                打印
              </Button>
              <Button icon={<FilePdfOutlined />} href={`/api/linkage/notices/${notice.id}/pdf`} target="_blank" rel="noopener" data-testid="notice-pdf">
                下载PDF
              </Button>
              {draft && can('notice:manage') && (
                <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="notice-edit">
                  修改
                </Button>
              )}
              {draft && can('notice:approve') && (
                <Popconfirm title="审核同意后通报将送达全部26个部门，确定？" okText="同意并送达" onConfirm={onApprove}>
                  <Button type="primary" icon={<CheckOutlined />} loading={approve.isPending} data-testid="notice-approve">
                    审核同意并送达
                  </Button>
                </Popconfirm>
              )}
              {own && !own.readAt && (
                <Button type="primary" icon={<CheckOutlined />} loading={markRead.isPending} onClick={onRead} data-testid="notice-read">
                  已阅
                </Button>
              )}
              {own?.readAt && <Tag color="green">本部门已于 {formatDateTime(own.readAt)} 签收</Tag>}
            </Space>
          }
        />
        <Descriptions bordered size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label="季度">{rankingTitle(notice)}</Descriptions.Item>
          <Descriptions.Item label="依据排序">
            <Link to={`/linkage/rankings/${notice.rankingId}`}>查看排序</Link>
          </Descriptions.Item>
          <Descriptions.Item label="生成时间">{formatDateTime(notice.createdAt)}</Descriptions.Item>
          <Descriptions.Item label="审核送达时间">{formatDateTime(notice.approvedAt)}</Descriptions.Item>
          <Descriptions.Item label="签收情况">{receipts.length ? `${readCount}/${receipts.length} 已阅` : '未送达'}</Descriptions.Item>
          <Descriptions.Item label="连续落后部门（全县通报）">
            {notice.lagging.length ? (
              <Space size={[4, 4]} wrap data-testid="notice-lagging">
                {notice.lagging.map((c) => (
                  <Tag key={c} color="red">
                    {nameOf(c)}
                  </Tag>
                ))}
              </Space>
            ) : (
              '无'
            )}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card>
        <Typography.Title level={4} style={{ textAlign: 'center' }}>
          {notice.title}
        </Typography.Title>
        <div style={{ whiteSpace: 'pre-wrap', lineHeight: 2, fontSize: 15, maxWidth: 820, margin: '0 auto' }} data-testid="notice-body">
          {notice.body}
        </div>
      </Card>
      <Card title={ownDepartment ? '本部门签收' : '各部门签收'}>
        <NoticeReceiptsTable receipts={receipts} />
      </Card>
      {draft && can('notice:manage') && <NoticeEditModal notice={notice} open={editing} onClose={() => setEditing(false)} />}
    </Space>
  );
}
