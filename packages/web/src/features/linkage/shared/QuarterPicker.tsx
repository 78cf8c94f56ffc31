import { Select, Space } from 'antd';
import { currentQuarter, pickableYears, QUARTER_NAMES, type QuarterNo } from './quarters';
import type { Quarter } from './scoringDomain';

interface Props {
  value: Quarter;
  onChange: (q: Quarter) => void;
  /** Only quarters that have ended (a ranking is computed for an ended quarter). */
  endedOnly?: boolean;
  'data-testid'?: string;
}

/** Year + quarter; future quarters cannot be picked. */
export function QuarterPicker({ value, onChange, endedOnly, ...rest }: Props) {
  const now = currentQuarter();
  const disabled = (year: number, q: number) => year > now.year || (year === now.year && (endedOnly ? q >= now.quarter : q > now.quarter));
  // switching the year keeps the quarter unless it is not allowed there; then the last allowed one
  const latestAllowed = (year: number, q: QuarterNo): QuarterNo => {
    if (!disabled(year, q)) return q;
    const allowed = ([4, 3, 2, 1] as const).find((x) => !disabled(year, x));
    return allowed ?? q;
  };
  return (
    <Space.Compact data-testid={rest['data-testid']}>
      <Select<number>
        style={{ width: 100 }}
        value={value.year}
        options={pickableYears().map((y) => ({ value: y, label: `${y}年` }))}
        onChange={(year) => onChange({ year, quarter: latestAllowed(year, value.quarter) })}
        aria-label="年度"
      />
      <Select<QuarterNo>
        style={{ width: 110 }}
        value={value.quarter}
        options={([1, 2, 3, 4] as const).map((q) => ({ value: q, label: QUARTER_NAMES[q - 1], disabled: disabled(value.year, q) }))}
        onChange={(quarter) => onChange({ year: value.year, quarter })}
        aria-label="季度"
      />
    </Space.Compact>
  );
}
