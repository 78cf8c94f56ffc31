/** 发起资料报送: title, due date and the departments asked (quick picks per class). */
import { App, Button, DatePicker, Form, Input, Modal, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { FormErrors } from '../../../components/form/FormErrors';
import { useFormSubmit } from '../../../components/form/useFormSubmit';
import { CLASS_ORDER, classLabel } from '../shared/DepartmentClassTag';
import { useLinkageDepartments } from '../shared/useLinkageDepartments';
import { useCreateSubmissionRequest } from './api';
import { serverNow } from '../../../lib/today';

interface Values {
  title: string;
  description?: string;
  dueDate: Dayjs;
  departmentCodes: string[];
}

export function NewSubmissionRequestModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const departments = useLinkageDepartments();
  const create = useCreateSubmissionRequest();
  const all = departments.data ?? [];

  const pick = (codes: string[]) => {
    const current = (form.getFieldValue('departmentCodes') as string[] | undefined) ?? [];
    form.setFieldValue('departmentCodes', [...new Set([...current, ...codes])]);
  };

  const { errors, submit } = useFormSubmit(form, async (v) => {
    await create.mutateAsync({ title: v.title.trim(), description: v.description?.trim() || null, dueDate: v.dueDate.format('YYYY-MM-DD'), departmentCodes: v.departmentCodes });
    message.success(`已向 ${v.departmentCodes.length} 个部门发起报送`);
    onClose();
  });

  return (
    <Modal title="发起资料报送" open={open} width={640} okText="发起" confirmLoading={create.isPending} onOk={submit} onCancel={onClose} destroyOnHidden>
      <FormErrors messages={errors} />
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="title" label="报送事项" rules={[{ required: true, whitespace: true, message: '请填写报送事项标题' }]}>
          <Input maxLength={200} placeholder="如：第四季度巩固脱贫成果工作总结" />
        </Form.Item>
        <Form.Item name="description" label="说明">
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="dueDate" label="截止日期" rules={[{ required: true, message: '请选择截止日期' }]} extra="截止日期后报送记为不及时（扣1分），截止仍未报送扣2分">
          <DatePicker disabledDate={(d) => d.isBefore(serverNow(), 'day')} />
        </Form.Item>
        <Form.Item label="报送部门" required>
          <Space wrap style={{ marginBottom: 8 }}>
            <Button size="small" onClick={() => pick(all.map((d) => d.code))}>
              全部部门
            </Button>
            {CLASS_ORDER.map((cls) => (
              <Button key={cls} size="small" onClick={() => pick(all.filter((d) => d.class === cls).map((d) => d.code))}>
                {classLabel(cls)}
              </Button>
            ))}
            <Button size="small" type="link" onClick={() => form.setFieldValue('departmentCodes', [])}>
              清空
            </Button>
          </Space>
          <Form.Item name="departmentCodes" noStyle rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一个报送部门' }]}>
            <Select
              mode="multiple"
              placeholder="选择部门"
              loading={departments.isPending}
              showSearch={{ optionFilterProp: 'label' }}
              options={all.map((d) => ({ value: d.code, label: d.name }))}
              maxTagCount="responsive"
            />
          </Form.Item>
        </Form.Item>
      </Form>
    </Modal>
  );
}
