import { Card, Empty, Flex, Progress, Space, Statistic, Table, Tag } from 'antd';
import { QueryError } from '../../../components/QueryError';
import { formatDate, orDash } from '../../../lib/format';
import { useUrlQuery } from '../../../lib/useUrlQuery';
import { MonthPicker } from '../shared/MonthPicker';
import { isMonthString, monthLabel, MONTH_FORMAT } from '../shared/months';
import { usePolicyDigest } from './api';
import { POLICY_LEVEL_COLORS } from './labels';
import type { DigestItem } from './types';
import { serverNow } from '../../../lib/today';

const KEYS = ['digestMonth'] as const;

/** 政策月报: the month's additions to the library, grouped 中央 → 县级, with how many departments read each. */
export function PolicyDigest() {
  const { filters, update } = useUrlQuery(KEYS);
  const month = isMonthString(filters.digestMonth) ? filters.digestMonth : serverNow().format(MONTH_FORMAT);
  const digest = usePolicyDigest(month);
  const d = digest.data;

  return (
    <>
      <Flex gap={24} align="center" wrap style={{ marginBottom: 16 }}>
        <MonthPicker value={month} onChange={(m) => update({ digestMonth: m })} data-testid="policy-digest-month" />
        {d && <Statistic title={`${monthLabel(d.month)}新入库政策`} value={d.total} suffix="件" />}
        {d?.groups.map((g) => (
          <Statistic key={g.level} title={g.label} value={g.items.length} />
        ))}
      </Flex>
      {digest.isError && <QueryError error={digest.error} onRetry={() => digest.refetch()} />}
      {d && d.total === 0 && <Empty description={`${monthLabel(d.month)}暂无新入库政策`} />}
      <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="policy-digest">
        {d?.groups
          .filter((g) => g.items.length > 0)
          .map((g) => (
            <Card key={g.level} size="small" title={<><Tag color={POLICY_LEVEL_COLORS[g.level]}>{g.label}</Tag>{g.items.length}件</>}>
              <Table<DigestItem>
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={g.items}
                columns={[
                  { title: '政策标题', dataIndex: 'title' },
                  { title: '发文机关', dataIndex: 'issuingBody', width: 180 },
                  { title: '文号', dataIndex: 'docNumber', width: 170, render: orDash },
                  { title: '印发日期', dataIndex: 'issuedOn', width: 110, render: formatDate },
                  { title: '标签', dataIndex: 'tags', width: 180, render: (tags: string[]) => tags.map((t) => <Tag key={t}>{t}</Tag>) },
                  {
                    title: '已阅部门',
                    dataIndex: 'readCount',
                    width: 200,
                    render: (n: number) => (
                      <Flex gap={8} align="center">
                        <span style={{ whiteSpace: 'nowrap' }}>
                          {n}/{d.departmentCount}
                        </span>
                        <Progress percent={Math.round((n / Math.max(d.departmentCount, 1)) * 100)} size="small" showInfo={false} />
                      </Flex>
                    ),
                  },
                ]}
              />
            </Card>
          ))}
      </Space>
    </>
  );
}
