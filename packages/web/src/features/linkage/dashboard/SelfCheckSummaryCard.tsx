/** Last month's self-check reports (due this month): 按时/逾期/草稿/未提交/未到期, and rectifications still open. */
import { Card, Col, Row, Statistic } from 'antd';
import { Link } from 'react-router-dom';
import { QueryError } from '../../../components/QueryError';
import { formatDate } from '../../../lib/format';
import { lastMonth, monthLabel } from '../shared/months';
import { useSelfCheckOverview } from '../self-checks/api';

const STATS = [
  { key: 'onTime', label: '按时', color: '#389e0d' },
  { key: 'late', label: '逾期', color: '#d46b08' },
  { key: 'draft', label: '草稿', color: '#8c8c8c' },
  { key: 'missing', label: '未提交', color: '#cf1322' },
  { key: 'notDue', label: '未到期', color: '#1677ff' },
] as const;

export function SelfCheckSummaryCard() {
  const month = lastMonth();
  const overview = useSelfCheckOverview(month);
  const totals = overview.data?.totals;
  const open = overview.data?.items.reduce((s, i) => s + i.openRectifications, 0);

  return (
    <Card
      size="small"
      title={`${monthLabel(month)}自查报送`}
      extra={<Link to={`/linkage/self-checks?month=${month}`}>详情</Link>}
      loading={overview.isPending}
      style={{ height: '100%' }}
      data-testid="dashboard-self-checks"
    >
      {overview.isError ? (
        <QueryError error={overview.error} onRetry={() => overview.refetch()} />
      ) : (
        <>
          <Row gutter={8}>
            {STATS.map((s) => (
              <Col key={s.key} span={Math.floor(24 / STATS.length)} flex="auto">
                <Statistic title={s.label} value={totals?.[s.key] ?? 0} styles={{ content: { color: s.color } }} />
              </Col>
            ))}
          </Row>
          <div style={{ marginTop: 8, color: '#888' }}>
            截止 {formatDate(overview.data?.dueDate)}；该月自查问题未销号 {open ?? 0} 条
          </div>
        </>
      )}
    </Card>
  );
}
