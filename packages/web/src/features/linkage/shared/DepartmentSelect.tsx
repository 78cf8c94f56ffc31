import { Select, type SelectProps } from 'antd';
import { useMemo } from 'react';
import { useLinkageDepartments } from './useLinkageDepartments';

type Props = Omit<SelectProps<string>, 'options' | 'loading'>;

/** Picks one of the 26 member departments, grouped by class (紧密型 / 相关 / 紧急预警). */
export function DepartmentSelect(props: Props) {
  const departments = useLinkageDepartments();
  const options = useMemo(() => {
    const groups = new Map<string, { label: string; options: { value: string; label: string }[] }>();
    for (const d of departments.data ?? []) {
      const g = groups.get(d.class) ?? { label: d.classLabel, options: [] };
      g.options.push({ value: d.code, label: d.name });
      groups.set(d.class, g);
    }
    return [...groups.values()];
  }, [departments.data]);
  return (
    <Select<string>
      showSearch={{ optionFilterProp: 'label' }}
      placeholder="选择部门"
      loading={departments.isPending}
      options={options}
      popupMatchSelectWidth={false}
      {...props}
    />
  );
}
