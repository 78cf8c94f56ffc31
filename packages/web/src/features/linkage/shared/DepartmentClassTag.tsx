import { Tag } from 'antd';
import { DEPARTMENT_CLASS_LABELS, type DepartmentClass } from './linkageDomain';

/** Display order of the three classes (紧密型, 相关, 紧急预警). */
export const CLASS_ORDER: readonly DepartmentClass[] = ['close', 'related', 'emergency'];
export const CLASS_COLORS: Record<DepartmentClass, string> = { close: '#1f6f43', related: '#1677ff', emergency: '#d46b08' };

export function classLabel(cls: string): string {
  return DEPARTMENT_CLASS_LABELS[cls as DepartmentClass] ?? cls;
}

export function DepartmentClassTag({ cls }: { cls: string }) {
  return <Tag color={CLASS_COLORS[cls as DepartmentClass]}>{classLabel(cls)}</Tag>;
}
