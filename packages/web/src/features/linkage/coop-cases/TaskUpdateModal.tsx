import { Alert, App, Form, Input, Modal, Radio } from 'antd';
import { FormErrors } from '../../../components/form/FormErrors';
import { useFormSubmit } from '../../../components/form/useFormSubmit';
import { COOP_TASK_STATUS_LABELS, type CoopCaseKind, type CoopTaskStatus } from '../shared/linkageDomain';
import { useUpdateTask } from './api';
import type { CoopTask } from './types';

interface Values {
  status: CoopTaskStatus;
  progress?: string;
  resultNote?: string;
  carryNote?: string;
}

interface Props {
  task: CoopTask | null;
  caseKind: CoopCaseKind;
  /** The county office (may reopen a closed task and carry over 交办 tasks). */
  office: boolean;
  onClose: () => void;
}

/** 办理任务: record progress, 办结 (result note required) or 转入后续计划 (carry note required); the office may reopen. */
export function TaskUpdateModal({ task, caseKind, office, onClose }: Props) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const update = useUpdateTask();
  const status = Form.useWatch('status', form);
  const carryOfficeOnly = caseKind === 'assignment' && !office;

  const { errors, submit } = useFormSubmit(form, async (v) => {
    if (!task) return;
    await update.mutateAsync({
      id: task.id,
      version: task.version,
      status: v.status,
      progress: v.progress?.trim() || null,
      resultNote: v.status === 'done' ? v.resultNote?.trim() || null : task.resultNote,
      carryNote: v.status === 'carried_over' ? v.carryNote?.trim() || null : task.carryNote,
    });
    message.success(v.status === 'open' ? '办理进展已保存' : `任务已${COOP_TASK_STATUS_LABELS[v.status]}`);
    onClose();
  });

  const options: { value: CoopTaskStatus; label: string; disabled?: boolean }[] =
    task?.status === 'open'
      ? [
          { value: 'open', label: '记录办理进展' },
          { value: 'done', label: '办结' },
          { value: 'carried_over', label: '转入后续计划', disabled: carryOfficeOnly },
        ]
      : [
          { value: task?.status ?? 'done', label: `保持${task ? task.statusLabel : ''}（修改说明）` },
          { value: 'open', label: '重新打开' },
        ];

  return (
    <Modal
      title={task ? `办理任务 · ${task.departmentName}` : '办理任务'}
      open={!!task}
      width={640}
      okText="保存"
      confirmLoading={update.isPending}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      <FormErrors messages={errors} />
      {task && (
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ status: task.status, progress: task.progress ?? '', resultNote: task.resultNote ?? '', carryNote: task.carryNote ?? '' }}
        >
          <div style={{ marginBottom: 16 }}>任务：{task.title}</div>
          <Form.Item name="status" label="办理操作">
            <Radio.Group options={options} optionType="button" data-testid="coop-task-status" />
          </Form.Item>
          {carryOfficeOnly && task.status === 'open' && (
            <Alert type="info" showIcon title="交办事项转入后续计划须由县联动办公室确认" style={{ marginBottom: 16 }} />
          )}
          <Form.Item name="progress" label="办理进展">
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={2000} />
          </Form.Item>
          {status === 'done' && (
            <Form.Item name="resultNote" label="办理结果" rules={[{ required: true, whitespace: true, message: '标记办结须填写办理结果' }]}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={2000} data-testid="coop-task-result" />
            </Form.Item>
          )}
          {status === 'carried_over' && (
            <Form.Item
              name="carryNote"
              label="转入说明"
              extra="转入哪项计划、如何跟进"
              rules={[{ required: true, whitespace: true, message: '转入后续计划须填写转入说明' }]}
            >
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={2000} data-testid="coop-task-carry" />
            </Form.Item>
          )}
        </Form>
      )}
    </Modal>
  );
}
