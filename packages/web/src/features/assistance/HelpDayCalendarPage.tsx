/** 帮扶日日历: the month's days ending in 5, with households under assistance, households visited and the "四个一" done. */
import { Button, Card, Col, DatePicker, Flex, Progress, Row, Spin, Statistic, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { AreaTreeSelect } from '../../components/AreaTreeSelect';
import { QueryError } from '../../components/QueryError';
import { serverNow } from '../../lib/today';
import { useUrlQuery } from '../../lib/useUrlQuery';
import { useHelpDays } from './api';
import { FOUR_ONE } from './labels';

export default function HelpDayCalendarPage() {
  const { filters, update } = useUrlQuery(['month', 'area'] as const);
  const month = filters.month ?? serverNow().format('YYYY-MM');
  const q = useHelpDays(month, filters.area);
  const shift = (n: number) => update({ month: dayjs(`${month}-01`).add(n, 'month').format('YYYY-MM') });
  const today = serverNow().format('YYYY-MM-DD');
  return (
    <Card>
      <Typography.Title level={4} style={{ marginTop: 0 }}>帮扶日日历</Typography.Title>
      <Typography.Paragraph type="secondary">每月5日、15日、25日为帮扶日，帮扶责任人入户开展"四个一"：一次调研、一件实事、一次政策宣讲、一次庭院打扫。</Typography.Paragraph>
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Button onClick={() => shift(-1)}>上月</Button>
        <DatePicker picker="month" allowClear={false} value={dayjs(`${month}-01`)} onChange={(d) => d && update({ month: d.format('YYYY-MM') })} />
        <Button onClick={() => shift(1)}>下月</Button>
        <AreaTreeSelect style={{ width: 220 }} value={filters.area} onChange={(v) => update({ area: v })} placeholder="全部管辖区域" />
      </Flex>
      {q.isError && <QueryError error={q.error} onRetry={() => q.refetch()} />}
      {q.isPending ? <Spin /> : q.data && (
        <>
          <Statistic title="帮扶户（已分配帮扶责任人）" value={q.data.households} suffix="户" style={{ marginBottom: 16 }} />
          <Row gutter={[16, 16]}>
            {q.data.days.map((d) => {
              const pct = q.data.households ? Math.round((d.visited / q.data.households) * 100) : 0;
              return (
                <Col key={d.date} xs={24} md={8}>
                  <Card size="small" title={<Flex gap={8} align="center">{d.date}{d.date === today && <Tag color="green">今天</Tag>}{!d.past && d.date !== today && <Tag>未到</Tag>}</Flex>}
                    extra={d.visits > 0 && <Link to={`/assistance/visits?from=${d.date}&to=${d.date}${filters.area ? `&area=${filters.area}` : ''}`}>查看走访</Link>}>
                    {d.past ? (
                      <Flex vertical gap={8}>
                        <span>已走访 {d.visited} 户（共 {d.visits} 次），应走访 {q.data.households} 户</span>
                        <Progress percent={pct} size="small" />
                        {Object.entries(d.fourOnes).map(([k, n]) => <Flex key={k} justify="space-between"><span>{FOUR_ONE[k] ?? k}</span><span>{n} 户次</span></Flex>)}
                      </Flex>
                    ) : <Typography.Text type="secondary">计划走访 {q.data.households} 户</Typography.Text>}
                  </Card>
                </Col>
              );
            })}
          </Row>
        </>
      )}
    </Card>
  );
}
