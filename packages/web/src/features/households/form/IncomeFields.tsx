/** The IncomeInput amounts (元); 人均纯收入 is never typed, the server computes it. */
import { Form, InputNumber } from 'antd';
import { INCOME_LABELS as L } from '../labels';
import { FieldGrid } from './FieldGrid';

const AMOUNTS = ['wageIncome', 'businessIncome', 'propertyIncome', 'transferIncome', 'businessExpense', 'claimIncome', 'outOfPocketExpense'] as const;

export function IncomeFields({ name = [] }: { name?: (string | number)[] }) {
  return (
    <FieldGrid>
      {AMOUNTS.map((f) => (
        <Form.Item key={f} name={[...name, f]} label={`${L[f]}(元)`}>
          <InputNumber min={0} max={100_000_000} precision={2} style={{ width: '100%' }} placeholder="0.00" />
        </Form.Item>
      ))}
    </FieldGrid>
  );
}

export function IncomeYearField({ name = [], onChange }: { name?: (string | number)[]; onChange?: (year: number | null) => void }) {
  return (
    <Form.Item name={[...name, 'year']} label="年度" rules={[{ required: true, message: '请填写年度' }]}>
      <InputNumber min={2013} max={2100} precision={0} style={{ width: 160 }} onChange={(v) => onChange?.(typeof v === 'number' ? v : null)} />
    </Form.Item>
  );
}
