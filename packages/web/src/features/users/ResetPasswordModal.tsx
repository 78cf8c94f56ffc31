import { App, Form, Input, Modal } from 'antd';
import { useFormSubmit } from '../../components/form/useFormSubmit';
import { FormErrors } from '../../components/form/FormErrors';
import { useResetPassword } from './api';
import type { UserRow } from './types';
import { PASSWORD_RULES } from './UserFields';

interface Values {
  password: string;
  confirm: string;
}

/** 重置密码 (also unlocks a locked account). */
export function ResetPasswordModal({ user, onClose }: { user: UserRow | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const reset = useResetPassword();

  const { errors, submit } = useFormSubmit(form, async (v) => {
    if (!user) return;
    await reset.mutateAsync({ id: user.id, password: v.password });
    message.success(`已重置 ${user.username} 的密码`);
    onClose();
  });

  return (
    <Modal
      title={user ? `重置密码 · ${user.displayName}（${user.username}）` : '重置密码'}
      open={!!user}
      okText="重置"
      confirmLoading={reset.isPending}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      <FormErrors messages={errors} />
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="password" label="新密码" rules={PASSWORD_RULES}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label="确认新密码"
          dependencies={['password']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || getFieldValue('password') === value ? Promise.resolve() : Promise.reject(new Error('两次输入的密码不一致')),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <div style={{ color: '#888' }}>重置密码同时解除账号锁定。</div>
      </Form>
    </Modal>
  );
}
