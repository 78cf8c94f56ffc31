import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import { MONTH_FORMAT } from './months';
import { serverNow } from '../../../lib/today';

interface Props {
  /** 'YYYY-MM' */
  value: string | undefined;
  onChange: (month: string | undefined) => void;
  allowClear?: boolean;
  placeholder?: string;
  /** Months after the current one cannot be picked. */
  noFuture?: boolean;
  'data-testid'?: string;
}

/** A month picker speaking 'YYYY-MM' strings (the API's month format). */
export function MonthPicker({ value, onChange, allowClear = false, placeholder = '选择月份', noFuture, ...rest }: Props) {
  return (
    <DatePicker
      picker="month"
      format="YYYY年MM月"
      allowClear={allowClear}
      placeholder={placeholder}
      value={value ? dayjs(`${value}-01`) : null}
      onChange={(d) => onChange(d ? d.format(MONTH_FORMAT) : undefined)}
      disabledDate={noFuture ? (d) => d.isAfter(serverNow(), 'month') : undefined}
      data-testid={rest['data-testid']}
    />
  );
}
