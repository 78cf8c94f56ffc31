import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { toQueryString, type QueryValue } from '../../../api/client';
import { Button, Card, Col, Flex, Row, Table, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useNavigate } from 'react-router-dom';
import { useAuth } from '../../../app/auth';
import { QueryError } from '../../../components/QueryError';
import { tablePagination } from '../../../components/table/tablePagination';
import { useHouseholdList } from '../api';
import type { HouseholdRow } from '../types';
import { AreaSidebarTree } from './AreaSidebarTree';
import { HouseholdFilters } from './HouseholdFilters';
import { useHouseholdColumns } from './useHouseholdColumns';
import { useHouseholdListState } from './useHouseholdListState';

export default function HouseholdListPage() {
  const { can } = useAuth();
  const navigate = useNavigate();
  const { filters, query, page, pageSize, update, reset } = useHouseholdListState();
  const list = useHouseholdList(query);
  const columns = useHouseholdColumns();

  return (
    <Row gutter={16} wrap={false}>
      <Col flex="220px">
        <AreaSidebarTree value={filters.area} onChange={(area) => update({ area })} />
      </Col>
      <Col flex="auto" style={{ minWidth: 0 }}>
        <Card>
          <Flex justify="space-between" align="center" style={{ marginBottom: 16 }}>
            <Typography.Title level={4} style={{ margin: 0 }}>
              户籍台账
            </Typography.Title>
            <Flex gap={8}>
              {can('household:export') && (
                <Button icon={<DownloadOutlined />} href={`/api/exports/households${toQueryString({ ...filters } as Record<string, QueryValue>)}`}>
                  导出Excel
                </Button>
              )}
              {can('household:create') && (
                <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/households/new')}>
                  新增农户
                </Button>
              )}
            </Flex>
          </Flex>
          <HouseholdFilters filters={filters} onChange={update} onReset={() => reset()} />
          {list.isError && <QueryError error={list.error} onRetry={() => list.refetch()} />}
          <Table<HouseholdRow>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={list.data?.items}
            loading={list.isFetching}
            scroll={{ x: 'max-content' }}
            pagination={tablePagination(page, pageSize, list.data?.total, (p, ps) => update({ page: p, pageSize: ps }))}
            onRow={(row) =>
              ({
                'data-testid': 'household-row',
                style: { cursor: 'pointer' },
                onClick: () => navigate(`/households/${row.id}`),
              }) as HTMLAttributes<HTMLElement>
            }
            locale={{ emptyText: list.isPending ? '加载中…' : '没有符合条件的农户' }}
          />
        </Card>
      </Col>
    </Row>
  );
}
