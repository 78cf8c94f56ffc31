/** 计算排序 for an ended quarter (a draft; after publication a new version). Opens the result when done. */
import { Alert, App, Form, Modal } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { FormErrors } from '../../../components/form/FormErrors';
import { useFormSubmit } from '../../../components/form/useFormSubmit';
import { QuarterPicker } from '../shared/QuarterPicker';
import { lastEndedQuarter } from '../shared/quarters';
import { quarterLabel, type Quarter } from '../shared/scoringDomain';
import { useComputeRanking } from './api';

export function ComputeRankingModal({ open, initial, onClose }: { open: boolean; initial?: Quarter; onClose: () => void }) {
  const [form] = Form.useForm();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const compute = useComputeRanking();
  const [quarter, setQuarter] = useState<Quarter>(initial ?? lastEndedQuarter());

  // the form has no named fields (the quarter is local state): validation passes and every server message shows above it
  const { errors, submit } = useFormSubmit(form, async () => {
    const { ranking } = await compute.mutateAsync(quarter);
    message.success(`${quarterLabel(quarter)}排序已计算（第${ranking.version}版，草稿）`);
    onClose();
    navigate(`/linkage/rankings/${ranking.id}`);
  });

  return (
    <Modal
      title="计算季度排序"
      open={open}
      okText="计算"
      confirmLoading={compute.isPending}
      onOk={submit}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'ranking-compute-submit' }}
      destroyOnHidden
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title="按各部门当前记录计算得分并在类内排序，保存为草稿；已有草稿时重新计算覆盖草稿，已发布后计算生成新版本。"
      />
      <FormErrors messages={errors} />
      <Form form={form} layout="vertical">
        <Form.Item label="季度" required>
          <QuarterPicker value={quarter} onChange={setQuarter} endedOnly />
        </Form.Item>
      </Form>
    </Modal>
  );
}
