import { Select, type SelectProps } from 'antd';
import type { CodeListName } from '../api/types';
import { useCodeList } from '../features/reference/useCodes';

type Props = Omit<SelectProps, 'options'> & {
  list: CodeListName;
  /** Codes that are numbers in the API (残疾类别/等级) are sent as numbers. */
  numeric?: boolean;
  /** Extra options before the list (e.g. 非监测对象). */
  extra?: { value: string; label: string }[];
};

/** A Select over one code list from /api/codes, showing labels and yielding codes. */
export function CodeSelect({ list, numeric, extra, ...rest }: Props) {
  const entries = useCodeList(list);
  const options = [
    ...(extra ?? []),
    ...entries.map((e) => ({ value: numeric ? Number(e.code) : e.code, label: e.label })),
  ];
  return <Select showSearch={{ optionFilterProp: 'label' }} {...rest} options={options} />;
}
