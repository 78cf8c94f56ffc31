/** This quarter's 例会: how many were held, absences and 未按要求参会 (a department user: its own). */
import { Card, Col, Row, Statistic } from 'antd';
import { Link } from 'react-router-dom';
import { QueryError } from '../../../components/QueryError';
import { monthsOfQuarter, quarterLabel, type Quarter } from '../shared/scoringDomain';
import { useDepartmentUser } from '../shared/useDepartmentUser';
import { useMeetings } from '../meetings/api';

export function MeetingSummaryCard({ quarter }: { quarter: Quarter }) {
  const ownDepartment = useDepartmentUser();
  const meetings = useMeetings(quarter.year);
  const months = monthsOfQuarter(quarter);
  const inQuarter = (meetings.data ?? []).filter((m) => months.includes(m.heldOn.slice(0, 7)));
  const absent = ownDepartment
    ? inQuarter.filter((m) => m.myAttendance?.status === 'absent').length
    : inQuarter.reduce((s, m) => s + m.absentCount, 0);
  const improper = ownDepartment
    ? inQuarter.filter((m) => m.myAttendance?.status === 'improper').length
    : inQuarter.reduce((s, m) => s + m.improperCount, 0);

  return (
    <Card
      size="small"
      title={`例会参会 · ${quarterLabel(quarter)}`}
      extra={<Link to="/linkage/meetings">例会</Link>}
      loading={meetings.isPending}
      style={{ height: '100%' }}
      data-testid="dashboard-meetings"
    >
      {meetings.isError ? (
        <QueryError error={meetings.error} onRetry={() => meetings.refetch()} />
      ) : (
        <Row gutter={8}>
          <Col span={8}>
            <Statistic title="已召开" value={inQuarter.length} suffix="次" />
          </Col>
          <Col span={8}>
            <Statistic title={ownDepartment ? '本部门缺席' : '缺席'} value={absent} suffix="次" styles={{ content: { color: '#cf1322' } }} />
          </Col>
          <Col span={8}>
            <Statistic title="未按要求参会" value={improper} suffix="次" styles={{ content: { color: '#d46b08' } }} />
          </Col>
        </Row>
      )}
    </Card>
  );
}
