import { App, Form, Modal, Switch } from 'antd';
import { useFormSubmit } from '../../components/form/useFormSubmit';
import { FormErrors } from '../../components/form/FormErrors';
import { useUpdateUser } from './api';
import type { UserRow, UserUpdateBody } from './types';
import { UserFields } from './UserFields';

/** Edits 姓名/角色/区域/部门/手机号/启用. PUT replaces every field, so the phone is prefilled and sent back. */
export function UserEditModal({ user, onClose }: { user: UserRow | null; onClose: () => void }) {
  const [form] = Form.useForm<UserUpdateBody>();
  const { message } = App.useApp();
  const update = useUpdateUser();

  const { errors, submit } = useFormSubmit(form, async (v) => {
    if (!user) return;
    await update.mutateAsync({
      id: user.id,
      displayName: v.displayName.trim(),
      role: v.role,
      areaCode: v.areaCode,
      departmentCode: v.departmentCode ?? null,
      phone: v.phone?.trim() || null,
      active: !!v.active,
    });
    message.success('已保存');
    onClose();
  });

  return (
    <Modal
      title={user ? `编辑用户 ${user.username}` : '编辑用户'}
      open={!!user}
      okText="保存"
      confirmLoading={update.isPending}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      <FormErrors messages={errors} />
      {user && (
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{
            displayName: user.displayName,
            role: user.role,
            areaCode: user.areaCode,
            departmentCode: user.departmentCode ?? undefined,
            phone: user.phone ?? undefined,
            active: user.active,
          }}
        >
          <UserFields />
          <Form.Item name="active" label="状态" valuePropName="checked">
            <Switch checkedChildren="启用" unCheckedChildren="停用" />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
