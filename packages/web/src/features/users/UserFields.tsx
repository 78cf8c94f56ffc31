/** Fields shared by the create and edit user dialogs: 姓名, 角色, 区域 (at the role's level), 部门 (行业部门用户 only), 手机号. */
import { Form, Input, Select } from 'antd';
import { AreaTreeSelect } from '../../components/AreaTreeSelect';
import { findArea } from '../reference/areaTree';
import { useAreaTree } from '../reference/useAreaTree';
import { useCodes } from '../reference/useCodes';

export const DEPARTMENT_ROLE = 'department_user';

const LEVEL_LABELS: Record<string, string> = { county: '县', township: '乡镇', village: '村' };

export function UserFields() {
  const form = Form.useFormInstance();
  const codes = useCodes().data;
  const tree = useAreaTree().data;
  const role = Form.useWatch('role', form) as string | undefined;
  const level = codes?.roles.find((r) => r.code === role)?.areaLevel;

  const onRoleChange = (next: string) => {
    const nextLevel = codes?.roles.find((r) => r.code === next)?.areaLevel;
    const area = form.getFieldValue('areaCode') as string | undefined;
    if (area && nextLevel && findArea(tree, area)?.level !== nextLevel) form.setFieldValue('areaCode', undefined);
    if (next !== DEPARTMENT_ROLE) form.setFieldValue('departmentCode', undefined);
  };

  return (
    <>
      <Form.Item name="displayName" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
        <Input maxLength={64} />
      </Form.Item>
      <Form.Item name="role" label="角色" rules={[{ required: true, message: '请选择角色' }]}>
        <Select
          options={codes?.roles.map((r) => ({ value: r.code, label: r.label }))}
          loading={!codes}
          onChange={onRoleChange}
        />
      </Form.Item>
      <Form.Item
        name="areaCode"
        label={level ? `所属区域（${LEVEL_LABELS[level] ?? level}级）` : '所属区域'}
        rules={[{ required: true, message: '请选择所属区域' }]}
      >
        <AreaTreeSelect levels={level ? [level] : undefined} disabled={!role} placeholder={role ? '请选择区域' : '请先选择角色'} />
      </Form.Item>
      {role === DEPARTMENT_ROLE && (
        <Form.Item name="departmentCode" label="所属部门" rules={[{ required: true, message: '行业部门用户必须选择部门' }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={codes?.departments.map((d) => ({ value: d.code, label: d.name }))}
          />
        </Form.Item>
      )}
      <Form.Item name="phone" label="手机号" rules={[{ pattern: /^1\d{10}$/, message: '手机号应为11位' }]}>
        <Input maxLength={11} />
      </Form.Item>
    </>
  );
}

/** The server's rule (auth/password.ts): at least 8 characters with letters and digits. */
export const PASSWORD_RULES = [
  { required: true, message: '请填写密码' },
  { min: 8, message: '密码至少8位，且须包含字母和数字' },
  { pattern: /^(?=.*[A-Za-z])(?=.*\d)/, message: '密码至少8位，且须包含字母和数字' },
];
