/** What falls due in a month: an antd Calendar with badges per day, and the month's reminders (overdue and due soon first). */
import { Badge, Calendar, Card, Col, Empty, List, Row, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { QueryError } from '../../../components/QueryError';
import { monthLabel } from '../shared/months';
import { useLinkageDepartments } from '../shared/useLinkageDepartments';
import { useLinkageCalendar } from './api';
import {
  CALENDAR_KIND_LABELS, CALENDAR_STATE_BADGES, CALENDAR_STATE_LABELS, CALENDAR_STATE_ORDER, type CalendarItem,
} from './calendarTypes';
import { serverNow } from '../../../lib/today';

const STATE_TAG_COLORS = { done: 'green', pending: 'default', due_soon: 'orange', overdue: 'red' } as const;

export function DueCalendarCard() {
  const [value, setValue] = useState<Dayjs>(() => serverNow());
  const month = value.format('YYYY-MM');
  const calendar = useLinkageCalendar(month);
  const departments = useLinkageDepartments();
  const nameOf = (code: string | null) => (code ? (departments.data?.find((d) => d.code === code)?.name ?? code) : null);

  const byDate = useMemo(() => {
    const map = new Map<string, CalendarItem[]>();
    for (const i of calendar.data?.items ?? []) map.set(i.date, [...(map.get(i.date) ?? []), i]);
    return map;
  }, [calendar.data]);

  const reminders = useMemo(
    () =>
      (calendar.data?.items ?? [])
        .filter((i) => i.state !== 'done')
        .sort((a, b) => CALENDAR_STATE_ORDER[a.state] - CALENDAR_STATE_ORDER[b.state] || a.date.localeCompare(b.date)),
    [calendar.data],
  );

  const cell = (date: Dayjs) => {
    const items = date.format('YYYY-MM') === month ? byDate.get(date.format('YYYY-MM-DD')) : undefined;
    if (!items?.length) return null;
    return (
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {items.slice(0, 3).map((i, idx) => (
          <li key={idx} title={`${CALENDAR_KIND_LABELS[i.kind] ?? i.kind}：${i.title}`} style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
            <Badge status={CALENDAR_STATE_BADGES[i.state] ?? 'default'} text={<span style={{ fontSize: 12 }}>{i.title}</span>} />
          </li>
        ))}
        {items.length > 3 && <li style={{ fontSize: 12, color: '#888' }}>另 {items.length - 3} 项</li>}
      </ul>
    );
  };

  return (
    <Card title={`${monthLabel(month)}工作日历`} data-testid="dashboard-calendar">
      {calendar.isError && <QueryError error={calendar.error} onRetry={() => calendar.refetch()} />}
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <Calendar
            value={value}
            onChange={setValue}
            onPanelChange={(d) => setValue(d)}
            cellRender={(date, info) => (info.type === 'date' ? cell(date) : null)}
          />
        </Col>
        <Col xs={24} xl={8}>
          <Typography.Title level={5}>待办提醒</Typography.Title>
          {calendar.isError ? (
            <Empty description="日历暂不可用" />
          ) : (
            <List<CalendarItem>
              size="small"
              loading={calendar.isFetching}
              dataSource={reminders}
              locale={{ emptyText: '本月没有待办事项' }}
              data-testid="dashboard-reminders"
              style={{ maxHeight: 640, overflowY: 'auto' }}
              renderItem={(i) => (
                <List.Item>
                  <List.Item.Meta
                    title={
                      <span>
                        <Tag color={STATE_TAG_COLORS[i.state]}>{CALENDAR_STATE_LABELS[i.state] ?? i.state}</Tag>
                        {i.title}
                      </span>
                    }
                    description={[i.date, CALENDAR_KIND_LABELS[i.kind] ?? i.kind, nameOf(i.departmentCode)].filter(Boolean).join(' · ')}
                  />
                </List.Item>
              )}
            />
          )}
        </Col>
      </Row>
    </Card>
  );
}
