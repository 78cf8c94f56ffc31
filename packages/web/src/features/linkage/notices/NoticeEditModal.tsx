/** The office edits a draft notice's title and text before the leader approves it. */
import { App, Form, Input, Modal } from 'antd';
import { FormErrors } from '../../../components/form/FormErrors';
import { useFormSubmit } from '../../../components/form/useFormSubmit';
import { useUpdateNotice } from './api';
import type { Notice } from './types';

export function NoticeEditModal({ notice, open, onClose }: { notice: Notice; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<{ title: string; body: string }>();
  const { message } = App.useApp();
  const update = useUpdateNotice();

  const { errors, submit } = useFormSubmit(form, async (v) => {
    await update.mutateAsync({ id: notice.id, title: v.title.trim(), body: v.body });
    message.success('已保存');
    onClose();
  });

  return (
    <Modal title="修改通报草稿" open={open} width={760} okText="保存" confirmLoading={update.isPending} onOk={submit} onCancel={onClose} destroyOnHidden>
      <FormErrors messages={errors} />
      <Form form={form} layout="vertical" preserve={false} initialValues={{ title: notice.title, body: notice.body }}>
        <Form.Item name="title" label="标题" rules={[{ required: true, whitespace: true, message: '请填写通报标题' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="body" label="正文" rules={[{ required: true, whitespace: true, message: '请填写通报正文' }]}>
          <Input.TextArea rows={16} maxLength={20000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
