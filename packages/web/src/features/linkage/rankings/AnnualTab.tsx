/** 年度: the four quarters' published final scores and ranks side by side, one table per class. */
import { Alert, Card, Flex, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import { QueryError } from '../../../components/QueryError';
import { useUrlQuery } from '../../../lib/useUrlQuery';
import { BASIS_LABELS } from '../shared/BasisTag';
import { CLASS_ORDER, classLabel } from '../shared/DepartmentClassTag';
import { QUARTER_NAMES } from '../shared/quarters';
import { formatScore } from '../shared/scoreFormat';
import { useAnnual } from './api';
import type { AnnualItem, AnnualQuarterCell } from './types';
import { YearSelect } from '../shared/YearSelect';
import { serverNow } from '../../../lib/today';

const KEYS = ['year'] as const;

function Cell({ cell }: { cell: AnnualQuarterCell | null | undefined }) {
  if (!cell) return <span style={{ color: '#bbb' }}>—</span>;
  return (
    <span title={BASIS_LABELS[cell.basis] ?? cell.basis}>
      <Typography.Text strong>{formatScore(cell.finalScore)}</Typography.Text>
      <span style={{ color: '#888' }}>（第{cell.rank}名）</span>
    </span>
  );
}

export function AnnualTab() {
  const { filters, update } = useUrlQuery(KEYS);
  const year = Number(filters.year) || serverNow().year();
  const annual = useAnnual(year);
  const published = annual.data?.rankings ?? [];

  const columns: ColumnsType<AnnualItem> = [
    { title: '部门', dataIndex: 'departmentName', width: 180, fixed: 'left' },
    ...QUARTER_NAMES.map((name, i) => {
      const r = published.find((p) => p.quarter === i + 1);
      return {
        title: r ? <Link to={`/linkage/rankings/${r.id}`}>{name}（第{r.version}版）</Link> : name,
        key: `q${i + 1}`,
        width: 150,
        render: (_: unknown, item: AnnualItem) => <Cell cell={item.quarters[i]} />,
      };
    }),
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Flex gap={12} align="center" wrap>
        <YearSelect value={year} onChange={(y) => update({ year: y })} />
        <Typography.Text type="secondary">仅汇总已发布的季度排序，作为年度绩效考评的依据。</Typography.Text>
      </Flex>
      {annual.isError && <QueryError error={annual.error} onRetry={() => annual.refetch()} />}
      {annual.data && published.length === 0 && <Alert type="info" showIcon title={`${year}年还没有已发布的季度排序`} />}
      {CLASS_ORDER.map((cls) => {
        const items = annual.data?.items.filter((i) => i.class === cls) ?? [];
        return (
          <Card key={cls} size="small" title={`${classLabel(cls)}（${items.length}个）`}>
            <Table<AnnualItem>
              rowKey="departmentCode"
              size="small"
              columns={columns}
              dataSource={items}
              loading={annual.isFetching}
              pagination={false}
              scroll={{ x: 800 }}
              data-testid="annual-table"
            />
          </Card>
        );
      })}
    </Space>
  );
}
