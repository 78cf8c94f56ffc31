import { App, Form, Modal } from 'antd';
import dayjs from 'dayjs';
import { FormErrors } from '../../../components/form/FormErrors';
import { useFormSubmit } from '../../../components/form/useFormSubmit';
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
  const row = target && target !== 'new' ? target : null;

  const { errors, submit } = useFormSubmit(form, async (v) => {
    if (!target) return;
    const body = toRectificationBody(v);
    if (!row) await add.mutateAsync(body);
    // a submitted report keeps its problem and deadline as reported: send only what may change
    else if (reportLocked) await update.mutateAsync({ id: row.id, measure: body.measure, owner: body.owner, status: body.status, doneOn: body.doneOn, evidence: body.evidence });
    else await update.mutateAsync({ id: row.id, ...body });
    message.success(row ? '整改情况已更新' : '问题已登记');
    onClose();
  });

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
