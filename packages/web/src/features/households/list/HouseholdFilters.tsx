import { Button, Select, Space } from 'antd';
import { CodeSelect } from '../../../components/CodeSelect';
import { SearchBox } from '../../../components/SearchBox';
import type { HouseholdFilterKey } from './useHouseholdListState';

type Filters = Record<HouseholdFilterKey, string | undefined>;

interface Props {
  filters: Filters;
  onChange: (patch: Partial<Filters>) => void;
  onReset: () => void;
}

const ELIMINATED_OPTIONS = [
  { value: 'true', label: '已消除' },
  { value: 'false', label: '未消除' },
];

export function HouseholdFilters({ filters, onChange, onReset }: Props) {
  return (
    <Space wrap style={{ marginBottom: 16 }}>
      <CodeSelect
        list="householdType"
        placeholder="户类型"
        allowClear
        style={{ width: 130 }}
        value={filters.householdType}
        onChange={(v) => onChange({ householdType: v })}
      />
      <CodeSelect
        list="monitorCategory"
        placeholder="监测对象类别"
        allowClear
        style={{ width: 170 }}
        extra={[{ value: 'none', label: '非监测对象' }]}
        value={filters.monitorCategory}
        onChange={(v) => onChange({ monitorCategory: v })}
      />
      <CodeSelect
        list="riskType"
        placeholder="风险类型"
        allowClear
        style={{ width: 190 }}
        value={filters.riskType}
        onChange={(v) => onChange({ riskType: v })}
      />
      <Select
        placeholder="风险是否消除"
        allowClear
        style={{ width: 140 }}
        options={ELIMINATED_OPTIONS}
        value={filters.eliminated}
        onChange={(v) => onChange({ eliminated: v })}
      />
      <SearchBox placeholder="姓名 / 身份证号 / 户编号" width={300} value={filters.q} onSearch={(q) => onChange({ q })} />
      <Button onClick={onReset}>重置</Button>
    </Space>
  );
}
