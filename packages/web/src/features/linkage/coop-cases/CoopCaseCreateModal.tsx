import { App, DatePicker, Flex, Form, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useNavigate } from 'react-router-dom';
import { FormErrors } from '../../../components/form/FormErrors';
import { useFormSubmit } from '../../../components/form/useFormSubmit';
import type { CoopCaseKind } from '../shared/linkageDomain';
import { useCreateCase } from './api';
import { CaseDetailsFields, CaseFields, cleanDetails } from './CaseFields';
import { CaseTasksFields } from './CaseTasksFields';
import { CASE_KIND_OPTIONS } from './labels';
import type { CaseDetails } from './types';
import { serverNow } from '../../../lib/today';

interface Values {
  kind: CoopCaseKind;
  openedOn: Dayjs;
  title: string;
  description?: string;
  subject?: string;
  details?: CaseDetails;
  tasks: { departmentCode: string; title: string; deadline: Dayjs }[];
}

/** 新建协同处置事项 with its department tasks (office). */
export function CoopCaseCreateModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const create = useCreateCase();
  const kind = Form.useWatch('kind', form);

  const { errors, submit } = useFormSubmit(form, async (v) => {
    const d = await create.mutateAsync({
      kind: v.kind,
      openedOn: v.openedOn.format('YYYY-MM-DD'),
      title: v.title.trim(),
      description: v.description?.trim() ?? '',
      subject: v.subject?.trim() || null,
      details: cleanDetails(v.kind, v.details),
      tasks: v.tasks.map((t) => ({ departmentCode: t.departmentCode, title: t.title.trim(), deadline: t.deadline.format('YYYY-MM-DD') })),
    });
    message.success('事项已创建，任务已分派到部门');
    onClose();
    navigate(`/linkage/coop-cases/${d.case.id}`);
  });

  return (
    <Modal title="新建协同处置事项" open={open} width={860} okText="创建" confirmLoading={create.isPending} onOk={submit} onCancel={onClose} destroyOnHidden>
      <FormErrors messages={errors} />
      <Form form={form} layout="vertical" preserve={false} initialValues={{ kind: 'consultation', openedOn: serverNow(), tasks: [{}] }}>
        <Flex gap={16}>
          <Form.Item name="kind" label="事项类型" style={{ width: 200 }} rules={[{ required: true, message: '请选择事项类型' }]}>
            <Select options={CASE_KIND_OPTIONS} data-testid="coop-case-kind" />
          </Form.Item>
          <Form.Item name="openedOn" label="立案日期" style={{ width: 200 }} rules={[{ required: true, message: '请选择立案日期' }]}>
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(serverNow(), 'day')} />
          </Form.Item>
        </Flex>
        <CaseFields />
        <CaseDetailsFields kind={kind} />
        <CaseTasksFields />
      </Form>
    </Modal>
  );
}
