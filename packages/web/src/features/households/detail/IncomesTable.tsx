import { Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { formatMoney } from '../../../lib/format';
import { INCOME_LABELS as L } from '../labels';
import type { Income } from '../types';

const money = (v: Income['wageIncome']) => formatMoney(v);

const COLUMNS: ColumnsType<Income> = [
  { title: L.year, dataIndex: 'year', width: 70 },
  { title: L.wageIncome, dataIndex: 'wageIncome', align: 'right', render: money },
  { title: L.businessIncome, dataIndex: 'businessIncome', align: 'right', render: money },
  { title: L.propertyIncome, dataIndex: 'propertyIncome', align: 'right', render: money },
  { title: L.transferIncome, dataIndex: 'transferIncome', align: 'right', render: money },
  { title: L.businessExpense, dataIndex: 'businessExpense', align: 'right', render: money },
  { title: L.claimIncome, dataIndex: 'claimIncome', align: 'right', render: money },
  { title: L.outOfPocketExpense, dataIndex: 'outOfPocketExpense', align: 'right', render: money },
  { title: L.memberCount, dataIndex: 'memberCount', align: 'right', width: 90 },
  { title: L.netIncome, dataIndex: 'netIncome', align: 'right', render: money },
  { title: `${L.perCapitaNetIncome}(元)`, dataIndex: 'perCapitaNetIncome', align: 'right', render: (v: Income['perCapitaNetIncome']) => <b>{formatMoney(v)}</b> },
];

/** Income by year, newest first. 人均纯收入 is the server's figure. */
export function IncomesTable({ incomes }: { incomes: Income[] }) {
  const rows = [...incomes].sort((a, b) => b.year - a.year);
  return (
    <Table<Income>
      rowKey="year"
      size="small"
      columns={COLUMNS}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 1200 }}
      locale={{ emptyText: '尚未录入收支信息' }}
    />
  );
}
