import { Alert, Card, Collapse, Empty, Space, Spin, Tag, Typography } from 'antd';
import { useAuth } from '../../../app/auth';
import { QueryError } from '../../../components/QueryError';
import { formatDateTime } from '../../../lib/format';
import { MonthPicker } from '../shared/MonthPicker';
import { monthLabel } from '../shared/months';
import { PageTitle } from '../shared/PageTitle';
import { useLinkageDepartments } from '../shared/useLinkageDepartments';
import { useMonthParam } from '../shared/useMonthParam';
import { useTownshipRankings } from './api';
import { RankingTable } from './RankingTable';
import { TownshipScoreForm } from './TownshipScoreForm';
import { useTownships } from './useTownships';
import type { TownshipRanking } from './types';

/** 乡镇评分排名: 紧密型 departments score and rank every township monthly; the office reads them all. */
export default function TownshipRankingsPage() {
  const { user, can } = useAuth();
  const [month, setMonth] = useMonthParam();
  const rankings = useTownshipRankings(month);
  const departments = useLinkageDepartments();
  const filing = can('self_check:submit');

  return (
    <Card>
      <PageTitle title="乡镇评分排名" extra={<MonthPicker value={month} onChange={setMonth} data-testid="township-ranking-month" />} />
      {rankings.isError && <QueryError error={rankings.error} onRetry={() => rankings.refetch()} />}
      {rankings.isPending || departments.isPending ? (
        <Spin style={{ display: 'block', margin: '40px auto' }} />
      ) : filing ? (
        <OwnRanking
          month={month}
          ranking={rankings.data?.[0]}
          isClose={departments.data?.find((d) => d.code === user?.departmentCode)?.class === 'close'}
        />
      ) : (
        <AllRankings
          month={month}
          rankings={rankings.data ?? []}
          closeDepartments={(departments.data ?? []).filter((d) => d.class === 'close').map((d) => ({ code: d.code, name: d.name }))}
        />
      )}
    </Card>
  );
}

function RankingHeader({ ranking }: { ranking: TownshipRanking }) {
  return (
    <Space style={{ marginBottom: 12 }}>
      <Tag color="green">已报送</Tag>
      <Typography.Text type="secondary">报送时间：{formatDateTime(ranking.submittedAt)}</Typography.Text>
    </Space>
  );
}

function OwnRanking({ month, ranking, isClose }: { month: string; ranking: TownshipRanking | undefined; isClose: boolean }) {
  const townships = useTownships();
  if (ranking) {
    return (
      <>
        <RankingHeader ranking={ranking} />
        <RankingTable items={ranking.items} />
      </>
    );
  }
  if (!isClose) return <Alert type="info" showIcon title="只有紧密型部门需要每月对乡镇评分排名，本部门无需报送。" />;
  if (townships.isError) return <QueryError error={townships.error} onRetry={() => townships.refetch()} />;
  if (townships.isPending) return <Spin style={{ display: 'block', margin: '40px auto' }} />;
  return (
    <>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={`请对全县${townships.townships.length}个乡镇逐一评分，报送${monthLabel(month)}的乡镇评分排名；名次按评分由高到低自动计算，同分同名次。`}
        description="紧密型部门未对乡镇评分排名的，每月扣5分。"
      />
      <TownshipScoreForm key={month} month={month} townships={townships.townships} />
    </>
  );
}

function AllRankings({ month, rankings, closeDepartments }: { month: string; rankings: TownshipRanking[]; closeDepartments: { code: string; name: string }[] }) {
  const missing = closeDepartments.filter((d) => !rankings.some((r) => r.departmentCode === d.code));
  return (
    <>
      <Alert
        type={missing.length ? 'warning' : 'success'}
        showIcon
        style={{ marginBottom: 16 }}
        title={`${monthLabel(month)}：紧密型部门已报送 ${closeDepartments.length - missing.length} 个，未报送 ${missing.length} 个`}
        description={missing.length ? `未报送：${missing.map((d) => d.name).join('、')}` : undefined}
        data-testid="township-ranking-summary"
      />
      {rankings.length ? (
        <Collapse
          items={rankings.map((r) => ({
            key: r.id,
            label: `${r.departmentName}（${r.items.length}个乡镇，第1名：${r.items.filter((i) => i.rank === 1).map((i) => i.townshipName).join('、') || '—'}）`,
            children: (
              <>
                <RankingHeader ranking={r} />
                <RankingTable items={r.items} />
              </>
            ),
          }))}
        />
      ) : (
        <Empty description="本月暂无部门报送乡镇评分排名" />
      )}
    </>
  );
}
