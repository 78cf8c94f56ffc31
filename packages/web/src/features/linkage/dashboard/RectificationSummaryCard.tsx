/** Rectifications and assigned tasks past their deadline and still open this quarter (from the provisional scores). */
import { Card, Col, Row, Statistic } from 'antd';
import { Link } from 'react-router-dom';
import { QueryError } from '../../../components/QueryError';
import { quarterLabel, type Quarter } from '../shared/scoringDomain';
import { useDepartmentUser } from '../shared/useDepartmentUser';
import { useScores } from '../scores/api';

export function RectificationSummaryCard({ quarter }: { quarter: Quarter }) {
  const scores = useScores(quarter);
  const ownDepartment = useDepartmentUser();
  const sum = (code: string) =>
    scores.data?.items.reduce((s, i) => s + i.lines.filter((l) => l.code === code).reduce((n, l) => n + l.count, 0), 0) ?? 0;
  const departmentsWithOverdue = scores.data?.items.filter((i) => i.lines.some((l) => l.code === 'rectification_overdue')).length ?? 0;

  return (
    <Card
      size="small"
      title={`逾期未整改 · ${quarterLabel(quarter)}`}
      extra={<Link to={`/linkage/scores?year=${quarter.year}&quarter=${quarter.quarter}`}>评分</Link>}
      loading={scores.isPending}
      style={{ height: '100%' }}
      data-testid="dashboard-rectifications"
    >
      {scores.isError ? (
        <QueryError error={scores.error} onRetry={() => scores.refetch()} />
      ) : (
        <Row gutter={8}>
          <Col span={8}>
            <Statistic title="自查问题逾期" value={sum('rectification_overdue')} suffix="条" styles={{ content: { color: '#cf1322' } }} />
          </Col>
          {!ownDepartment && (
            <Col span={8}>
              <Statistic title="涉及部门" value={departmentsWithOverdue} suffix="个" />
            </Col>
          )}
          <Col span={8}>
            <Statistic title="交办件逾期" value={sum('assignment_overdue')} suffix="条" styles={{ content: { color: '#d46b08' } }} />
          </Col>
        </Row>
      )}
    </Card>
  );
}
