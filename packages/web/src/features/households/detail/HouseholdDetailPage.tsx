import { ArrowLeftOutlined, EditOutlined, PlusOutlined, UserAddOutlined, QrcodeOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Result, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { useAuth } from '../../../app/auth';
import { QueryError } from '../../../components/QueryError';
import { useHousehold } from '../api';
import { HistoryTimeline } from './HistoryTimeline';
import { HouseholdInfo } from './HouseholdInfo';
import { IncomeModal } from './IncomeModal';
import { IncomesTable } from './IncomesTable';
import { MemberModal } from './MemberModal';
import { MembersTable } from './MembersTable';
import { HouseholdWarningsCard } from '../../warnings/HouseholdWarningsCard';
import { HouseholdCasesCard } from '../../cases/HouseholdCasesCard';
import { HouseholdAssistanceCard } from '../../assistance/HouseholdAssistanceCard';
import { HouseholdFollowupCard } from '../../quality/HouseholdFollowupCard';

export default function HouseholdDetailPage() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const { can } = useAuth();
  const detail = useHousehold(id);
  const [dialog, setDialog] = useState<'member' | 'income' | null>(null);
  // back to the list as it was (filters, page) when we came from it; to the list itself when opened directly
  const back = () => ((window.history.state as { idx?: number } | null)?.idx ? navigate(-1) : navigate('/households'));

  if (!Number.isInteger(id) || id <= 0) return <Result status="404" title="农户不存在" />;
  if (detail.isPending) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  if (detail.isError) return <QueryError error={detail.error} onRetry={() => detail.refetch()} />;

  const { household, members, incomes, canReveal } = detail.data;
  const editable = can('household:update');

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
          <Flex align="center" gap={8}>
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={back} aria-label="返回" />
            <Typography.Title level={4} style={{ margin: 0 }}>
              农户详情 · {household.householdNo}
            </Typography.Title>
          </Flex>
          <Space>
            <Button icon={<QrcodeOutlined />} onClick={() => navigate(`/households/${id}/card`)}>
              打印明白纸
            </Button>
            {editable && (
              <Button type="primary" icon={<EditOutlined />} onClick={() => navigate(`/households/${id}/edit`)}>
                编辑
              </Button>
            )}
          </Space>
        </Flex>
        <HouseholdInfo household={household} canReveal={canReveal} />
      </Card>

      <Card
        title={`家庭成员（${members.length}人）`}
        extra={
          editable && (
            <Button icon={<UserAddOutlined />} onClick={() => setDialog('member')}>
              添加成员
            </Button>
          )
        }
      >
        <MembersTable members={members} canReveal={canReveal} />
      </Card>

      <Card
        title="收支情况"
        extra={
          editable && (
            <Button icon={<PlusOutlined />} onClick={() => setDialog('income')}>
              录入收入
            </Button>
          )
        }
      >
        <IncomesTable incomes={incomes} />
      </Card>

      <HouseholdWarningsCard householdId={id} />
      <HouseholdCasesCard householdId={id} />
      <HouseholdAssistanceCard householdId={id} />
      <HouseholdFollowupCard householdId={id} />

      <Card title="变更记录">
        <HistoryTimeline householdId={id} personNames={new Map(members.map((m) => [String(m.id), m.name]))} />
      </Card>

      {editable && <MemberModal householdId={id} open={dialog === 'member'} onClose={() => setDialog(null)} />}
      {editable && <IncomeModal householdId={id} incomes={incomes} open={dialog === 'income'} onClose={() => setDialog(null)} />}
    </Space>
  );
}
