import { App, Form, Modal } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { FormErrors } from '../../../components/form/FormErrors';
import { applyServerErrors, clearFieldErrors } from '../../../components/form/serverErrors';
import { useAddProblem, useUpdateRectification } from './api';
import { RectificationFields, toRectificationBody, type RectificationFormValues } from './RectificationFields';
import type { Rectification } from './types';

interface Props {
  selfCheckId: number;
  /** 'new' adds a problem to the draft; a row updates it. null = closed. */
  target: 'new' | Rectification | null;
  reportLocked: boolean;
  onClose: () => void;
}

/** 登记问题 (draft only) and 更新整改 (also after submission, within what the server allows). */
export function RectificationModal({ selfCheckId, target, reportLocked, onClose }: Props) {
  const [form] = Form.useForm<RectificationFormValues>();
  const { message } = App.useApp();
  const add = useAddProblem(selfCheckId);
  const update = useUpdateRectification(selfCheckId);
  const [errors, setErrors] = useState<string[]>([]);
  const row = target && target !== 'new' ? target : null;

  const submit = async () => {
    setErrors([]);
    clearFieldErrors(form);
    const v = await form.validateFields().catch(() => null);
    if (!v || !target) return;
    const body = toRectificationBody(v);
    const handlers = {
      onSuccess: () => {
        message.success(row ? '整改情况已更新' : '问题已登记');
        onClose();
      },
      onError: (e: unknown) => setErrors(applyServerErrors(form, e)),
    };
    if (!row) add.mutate(body, handlers);
    // a submitted report keeps its problem and deadline as reported: send only what may change
    else if (reportLocked) update.mutate({ id: row.id, measure: body.measure, owner: body.owner, status: body.status, doneOn: body.doneOn, evidence: body.evidence }, handlers);
    else update.mutate({ id: row.id, ...body }, handlers);
  };

  const initial: Partial<RectificationFormValues> = row
    ? {
        problem: row.problem,
        measure: row.measure,
        owner: row.owner,
        deadline: dayjs(row.deadline),
        status: row.status,
        doneOn: row.doneOn ? dayjs(row.doneOn) : null,
        evidence: row.evidence.map((e) => ({ name: e.name, note: e.note ?? '' })),
      }
    : { status: 'in_progress', evidence: [] };

  return (
    <Modal
      title={row ? '更新整改情况' : '登记问题'}
      open={!!target}
      width={720}
      okText="保存"
      confirmLoading={add.isPending || update.isPending}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      <FormErrors messages={errors} />
      {target && (
        <Form form={form} layout="vertical" preserve={false} initialValues={initial}>
          <RectificationFields reportLocked={!!row && reportLocked} doneFinal={!!row && reportLocked && row.status === 'done'} />
        </Form>
      )}
    </Modal>
  );
}
