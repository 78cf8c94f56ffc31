import { App, Form, Input, Modal } from 'antd';
import { useFormSubmit } from '../../components/form/useFormSubmit';
import { FormErrors } from '../../components/form/FormErrors';
import { useCreateUser } from './api';
import type { UserCreateBody } from './types';
import { PASSWORD_RULES, UserFields } from './UserFields';

export function UserCreateModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<UserCreateBody>();
  const { message } = App.useApp();
  const create = useCreateUser();

  const { errors, submit } = useFormSubmit(form, async (v) => {
    const body: UserCreateBody = {
      username: v.username.trim(),
      displayName: v.displayName.trim(),
      role: v.role,
      areaCode: v.areaCode,
      departmentCode: v.departmentCode ?? null,
      phone: v.phone?.trim() || null,
      password: v.password,
    };
    await create.mutateAsync(body);
    message.success(`用户 ${body.username} 已创建`);
    onClose();
  });

  return (
    <Modal title="新增用户" open={open} okText="创建" confirmLoading={create.isPending} onOk={submit} onCancel={onClose} destroyOnHidden>
      <FormErrors messages={errors} />
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="username" label="用户名" rules={[{ required: true, whitespace: true, message: '请填写用户名' }]}>
          <Input maxLength={64} autoComplete="off" />
        </Form.Item>
        <UserFields />
        <Form.Item name="password" label="初始密码" rules={PASSWORD_RULES} extra="请将初始密码当面或通过安全渠道告知用户">
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
