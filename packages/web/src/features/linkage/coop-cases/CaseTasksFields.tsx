import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Form, Input } from 'antd';
import { DepartmentSelect } from '../shared/DepartmentSelect';

/** 部门任务 of a new case: department, task, deadline (at least one). */
export function CaseTasksFields() {
  return (
    <Form.List
      name="tasks"
      rules={[{ validator: async (_, tasks: unknown[]) => (tasks?.length ? undefined : Promise.reject(new Error('至少分派一项部门任务'))) }]}
    >
      {(fields, { add, remove }, { errors }) => (
        <Form.Item label="部门任务" required>
          {fields.map((field) => (
            <Flex key={field.key} gap={8} align="start">
              <Form.Item name={[field.name, 'departmentCode']} style={{ width: 180 }} rules={[{ required: true, message: '请选择责任部门' }]}>
                <DepartmentSelect placeholder="责任部门" />
              </Form.Item>
              <Form.Item name={[field.name, 'title']} style={{ flex: 1 }} rules={[{ required: true, whitespace: true, message: '请填写任务内容' }]}>
                <Input maxLength={200} placeholder="任务内容" />
              </Form.Item>
              <Form.Item name={[field.name, 'deadline']} style={{ width: 150 }} rules={[{ required: true, message: '请选择办理期限' }]}>
                <DatePicker placeholder="办理期限" style={{ width: '100%' }} />
              </Form.Item>
              <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label="删除任务" />
            </Flex>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()} data-testid="coop-case-add-task">
            添加部门任务
          </Button>
          <Form.ErrorList errors={errors} />
        </Form.Item>
      )}
    </Form.List>
  );
}
