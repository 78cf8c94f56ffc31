import { PlusOutlined, RollbackOutlined, SendOutlined } from '@ant-design/icons';
import { App, Button, Card, Popconfirm, Result, Space, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { errorMessage } from '../../../api/client';
import { useAuth } from '../../../app/auth';
import { QueryError } from '../../../components/QueryError';
import { monthLabel } from '../shared/months';
import { PageTitle } from '../shared/PageTitle';
import { useSelfCheck, useSubmitSelfCheck, useUpdateSummary } from './api';
import { RectificationModal } from './RectificationModal';
import { RectificationTable } from './RectificationTable';
import { ReopenModal } from './ReopenModal';
import { SelfCheckHeader } from './SelfCheckHeader';
import { SummaryCard } from './SummaryCard';
import type { Rectification } from './types';

/** One monthly self-check: header, 小结, 整改台账; the department files it, the office may return it. */
export default function SelfCheckDetailPage() {
  const id = Number(useParams().id);
  const { can } = useAuth();
  const { message } = App.useApp();
  const detail = useSelfCheck(id);
  const saveSummary = useUpdateSummary();
  const submit = useSubmitSelfCheck();
  const [summary, setSummary] = useState('');
  const [editing, setEditing] = useState<'new' | Rectification | null>(null);
  const [reopening, setReopening] = useState(false);

  const report = detail.data?.selfCheck;
  useEffect(() => setSummary(report?.summary ?? ''), [report?.summary, report?.version]);

  if (!Number.isInteger(id) || id <= 0) return <Result status="404" title="自查报告不存在" />;
  if (detail.isPending) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  if (detail.isError) return <QueryError error={detail.error} onRetry={() => detail.refetch()} />;

  const { selfCheck, problems } = detail.data;
  const filing = can('self_check:submit');
  const draft = selfCheck.status === 'draft';
  const summaryDirty = summary !== selfCheck.summary;

  const onSaveSummary = () =>
    saveSummary.mutate(
      { id, summary, version: selfCheck.version },
      { onSuccess: () => void message.success('小结已保存'), onError: (e) => void message.error(errorMessage(e)) },
    );

  /** Unsaved summary edits are saved first, then the report is submitted at the version just written. */
  const onSubmit = async () => {
    try {
      let version = selfCheck.version;
      if (summaryDirty) version = (await saveSummary.mutateAsync({ id, summary, version })).selfCheck.version;
      const done = await submit.mutateAsync({ id, version });
      message.success(done.selfCheck.submittedLate ? '已提交（逾期提交）' : '已提交');
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <PageTitle
          backTo={`/linkage/self-checks?month=${selfCheck.month}`}
          title={`${selfCheck.departmentName} · ${monthLabel(selfCheck.month)}自查报告`}
          extra={
            <Space>
              {filing && draft && (
                <Popconfirm title="提交自查报告？" description="提交后报告与问题内容不能再修改，整改进度仍可更新。" okText="提交" onConfirm={onSubmit}>
                  <Button type="primary" icon={<SendOutlined />} loading={submit.isPending} data-testid="self-check-submit">
                    提交
                  </Button>
                </Popconfirm>
              )}
              {can('self_check:manage') && !draft && (
                <Button danger icon={<RollbackOutlined />} onClick={() => setReopening(true)} data-testid="self-check-reopen">
                  退回修改
                </Button>
              )}
            </Space>
          }
        />
        <SelfCheckHeader report={selfCheck} />
      </Card>

      <SummaryCard
        saved={selfCheck.summary}
        editable={filing && draft}
        value={summary}
        onChange={setSummary}
        onSave={onSaveSummary}
        saving={saveSummary.isPending}
      />

      <Card
        title={`整改台账（${problems.length}个问题）`}
        extra={
          filing &&
          draft && (
            <Button icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="self-check-add-problem">
              登记问题
            </Button>
          )
        }
      >
        <RectificationTable selfCheckId={id} rows={problems} canUpdate={filing} draft={draft} onEdit={setEditing} />
      </Card>

      {filing && <RectificationModal selfCheckId={id} target={editing} reportLocked={!draft} onClose={() => setEditing(null)} />}
      {can('self_check:manage') && <ReopenModal selfCheckId={id} open={reopening} onClose={() => setReopening(false)} />}
    </Space>
  );
}
