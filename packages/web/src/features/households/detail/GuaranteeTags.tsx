/** 三保障 + 饮水安全 as 正常/有问题 tags, and the 兜底 flags a household carries. */
import { Space, Tag } from 'antd';
import type { Household } from '../types';

const GUARANTEES: { field: keyof Household; label: string }[] = [
  { field: 'schoolingDropout', label: '义务教育' },
  { field: 'medicalUninsured', label: '基本医疗' },
  { field: 'housingUnsafe', label: '住房安全' },
  { field: 'waterUnsafe', label: '饮水安全' },
];

const FLAGS: { field: keyof Household; label: string }[] = [
  { field: 'relocated', label: '易地扶贫搬迁户' },
  { field: 'noLabourGuarantee', label: '无劳动力兜底户' },
  { field: 'dibao', label: '低保户' },
  { field: 'tekun', label: '特困供养户' },
];

export function GuaranteeTags({ household }: { household: Household }) {
  return (
    <Space wrap size={[4, 4]}>
      {GUARANTEES.map(({ field, label }) =>
        household[field] ? (
          <Tag key={field} color="red">
            {label}：有问题
          </Tag>
        ) : (
          <Tag key={field} color="green">
            {label}：正常
          </Tag>
        ),
      )}
    </Space>
  );
}

export function HouseholdFlags({ household }: { household: Household }) {
  const on = FLAGS.filter(({ field }) => household[field]);
  if (on.length === 0) return <span>无</span>;
  return (
    <Space wrap size={[4, 4]}>
      {on.map(({ field, label }) => (
        <Tag key={field} color="blue">
          {label}
        </Tag>
      ))}
    </Space>
  );
}
