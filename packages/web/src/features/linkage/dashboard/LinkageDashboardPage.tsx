/** 联动总览: the month's self-checks, overdue rectifications, meetings, provisional scores, trend and the due calendar. */
import { Col, Row, Space } from 'antd';
import { useMemo } from 'react';
import { PageTitle } from '../shared/PageTitle';
import { currentQuarter } from '../shared/quarters';
import { DueCalendarCard } from './DueCalendarCard';
import { MeetingSummaryCard } from './MeetingSummaryCard';
import { ProvisionalScoresCard } from './ProvisionalScoresCard';
import { RectificationSummaryCard } from './RectificationSummaryCard';
import { ScoreTrendCard } from './ScoreTrendCard';
import { SelfCheckSummaryCard } from './SelfCheckSummaryCard';

export default function LinkageDashboardPage() {
  const quarter = useMemo(currentQuarter, []);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <PageTitle title="“5+2”联动总览" />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <SelfCheckSummaryCard />
        </Col>
        <Col xs={24} md={12} xl={7}>
          <RectificationSummaryCard quarter={quarter} />
        </Col>
        <Col xs={24} md={12} xl={7}>
          <MeetingSummaryCard quarter={quarter} />
        </Col>
      </Row>
      <ProvisionalScoresCard quarter={quarter} />
      <ScoreTrendCard quarter={quarter} />
      <DueCalendarCard />
    </Space>
  );
}
