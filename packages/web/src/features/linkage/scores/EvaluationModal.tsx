/** Enter or change one department's 延伸评价 / 外部评价 for the quarter (PUT /api/linkage/evaluations). */
import { App, Form, Input, InputNumber, Modal } from 'antd';
import { FormErrors } from '../../../components/form/FormErrors';
import { useFormSubmit } from '../../../components/form/useFormSubmit';
import { quarterLabel, type Quarter } from '../shared/scoringDomain';
import { usePutEvaluation } from './api';
import type { Evaluation, EvaluationKind } from './types';

export interface EvaluationTarget {
  departmentCode: string;
  departmentName: string;
  kind: EvaluationKind;
}

interface Values {
  score: number;
  source?: string;
}

const TITLES: Record<EvaluationKind, string> = { extension: '县专班延伸评价', external: '外部评价' };

export function EvaluationModal({ target, quarter, current, onClose }: { target: EvaluationTarget | null; quarter: Quarter; current?: Evaluation; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const put = usePutEvaluation();
  const external = target?.kind === 'external';

  const { errors, submit } = useFormSubmit(form, async (v) => {
    if (!target) return;
    await put.mutateAsync({ departmentCode: target.departmentCode, year: quarter.year, quarter: quarter.quarter, kind: target.kind, score: v.score, source: v.source?.trim() || null });
    message.success('已保存');
    onClose();
  });

  return (
    <Modal
      title={target ? `${TITLES[target.kind]} · ${target.departmentName} · ${quarterLabel(quarter)}` : ''}
      open={!!target}
      okText="保存"
      confirmLoading={put.isPending}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      <FormErrors messages={errors} />
      {target && (
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ score: current ? Number(current.score) : undefined, source: current?.source ?? undefined }}
        >
          <Form.Item name="score" label="评价得分（0-100）" rules={[{ required: true, message: '请填写评价得分' }]}>
            <InputNumber min={0} max={100} precision={2} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item
            name="source"
            label="评价来源"
            rules={external ? [{ required: true, whitespace: true, message: '请填写外部评价来源（如省、市后评估结果）' }] : []}
          >
            <Input.TextArea rows={2} maxLength={500} placeholder={external ? '如：省对我县后评估结果、省对我市资金绩效评估结果' : '如：县专班第四季度延伸评价'} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
