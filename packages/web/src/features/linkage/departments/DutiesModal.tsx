import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Form, Input, Modal } from 'antd';
import { FormErrors } from '../../../components/form/FormErrors';
import { useFormSubmit } from '../../../components/form/useFormSubmit';
import type { LinkageDepartment } from '../shared/useLinkageDepartments';
import { useSetDuties } from './api';

interface Values {
  duties: string[];
}

/** 编辑职责清单: the whole list is replaced on save (blank items are dropped by the server). */
export function DutiesModal({ department, onClose }: { department: LinkageDepartment | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const save = useSetDuties();

  const { errors, submit } = useFormSubmit(form, async (v) => {
    if (!department) return;
    await save.mutateAsync({ code: department.code, duties: (v.duties ?? []).map((d) => d ?? '') });
    message.success(`已保存${department.name}的职责清单`);
    onClose();
  });

  return (
    <Modal
      title={department ? `编辑职责清单 · ${department.name}` : '编辑职责清单'}
      open={!!department}
      width={760}
      okText="保存"
      confirmLoading={save.isPending}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      <FormErrors messages={errors} />
      {department && (
        <Form form={form} layout="vertical" preserve={false} initialValues={{ duties: department.duties }}>
          <Form.List name="duties">
            {(fields, { add, remove, move }) => (
              <>
                {fields.map((field, i) => (
                  <Flex key={field.key} gap={8} align="start">
                    <span style={{ width: 28, paddingTop: 5, textAlign: 'right', color: '#888' }}>{i + 1}.</span>
                    <Form.Item name={field.name} style={{ flex: 1, marginBottom: 12 }} rules={[{ max: 500, message: '每项职责不超过500字' }]}>
                      <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} placeholder="职责内容" />
                    </Form.Item>
                    <Button type="text" icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => move(i, i - 1)} aria-label="上移" />
                    <Button type="text" icon={<ArrowDownOutlined />} disabled={i === fields.length - 1} onClick={() => move(i, i + 1)} aria-label="下移" />
                    <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label="删除" />
                  </Flex>
                ))}
                <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add('')}>
                  添加职责
                </Button>
              </>
            )}
          </Form.List>
        </Form>
      )}
    </Modal>
  );
}
