import { Select } from 'antd';
import { pickableYears } from './quarters';

export function YearSelect({ value, onChange, allowClear }: { value: number | undefined; onChange: (y: number | undefined) => void; allowClear?: boolean }) {
  return (
    <Select<number>
      style={{ width: 120 }}
      placeholder="全部年度"
      allowClear={allowClear}
      value={value}
      options={pickableYears().map((y) => ({ value: y, label: `${y}年` }))}
      onChange={(y) => onChange(y ?? undefined)}
      aria-label="年度"
    />
  );
}
