import { Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import { formatMoney, orDash } from '../../../lib/format';
import { useCodeLabel } from '../../reference/useCodes';
import type { HouseholdRow } from '../types';

export function useHouseholdColumns(): ColumnsType<HouseholdRow> {
  const label = useCodeLabel();
  return [
    {
      title: '户编号',
      dataIndex: 'householdNo',
      width: 150,
      fixed: 'left',
      render: (no: string, row) => (
        <Link to={`/households/${row.id}`} onClick={(e) => e.stopPropagation()}>
          {no}
        </Link>
      ),
    },
    { title: '户主', dataIndex: 'headName', width: 80, render: orDash },
    { title: '证件号码', dataIndex: 'headIdNumber', width: 175, render: (v: string | null) => <span style={{ fontFamily: 'monospace' }}>{orDash(v)}</span> },
    { title: '乡镇', dataIndex: 'townshipName', width: 90 },
    { title: '村', dataIndex: 'villageName', width: 90 },
    { title: '人数', dataIndex: 'memberCount', width: 56, align: 'right' },
    { title: '户类型', dataIndex: 'householdType', width: 90, render: (v: string) => label('householdType', v) },
    {
      title: '监测类别',
      dataIndex: 'monitorCategory',
      width: 120,
      render: (v: string | null) => (v ? <Tag color="orange">{label('monitorCategory', v)}</Tag> : '非监测对象'),
    },
    {
      title: '风险类型',
      dataIndex: 'riskTypes',
      width: 160,
      render: (v: string[] | null) => (v?.length ? v.map((c) => label('riskType', c)).join('、') : '—'),
    },
    {
      title: '风险消除',
      dataIndex: 'riskEliminated',
      width: 84,
      render: (v: boolean, row) => (row.monitorCategory ? (v ? <Tag color="green">已消除</Tag> : <Tag color="red">未消除</Tag>) : '—'),
    },
    {
      title: '人均纯收入(元)',
      dataIndex: 'perCapitaNetIncome',
      width: 120,
      align: 'right',
      render: (v: HouseholdRow['perCapitaNetIncome'], row) => (
        <span title={row.incomeYear ? `${row.incomeYear}年度` : undefined}>{formatMoney(v)}</span>
      ),
    },
  ];
}
