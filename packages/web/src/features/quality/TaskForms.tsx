/** The two task forms: 未消除月评估 (assessment) and 已消除月排查 (revisit). */
import { Alert, Checkbox, Form, Input, InputNumber, Modal, Radio, Space, Typography, message } from 'antd';
import { useEffect } from 'react';
import { Link } from 'react-router-dom';
import { CodeSelect } from '../../components/CodeSelect';
import { FormErrors } from '../../components/form/FormErrors';
import { useFormSubmit } from '../../components/form/useFormSubmit';
import { useCompleteTask, type AssessmentValues, type FollowupTask, type RevisitValues } from './api';

const NEEDS = [
  ['housingUnsafe', '住房出现安全问题'],
  ['schoolingDropout', '义务教育阶段适龄儿童少年失学辍学'],
  ['medicalUninsured', '家庭成员未参加基本医疗保险'],
  ['waterUnsafe', '饮水出现安全问题'],
] as const;

export function TaskFormModal({ task, onClose }: { task: FollowupTask | null; onClose: () => void }) {
  const [form] = Form.useForm<AssessmentValues & RevisitValues>();
  const complete = useCompleteTask();
  const { errors, submit, clearErrors } = useFormSubmit(form, async (values) => {
    await complete.mutateAsync({ task: task!, values });
    message.success(task!.kind === 'assessment' ? '月度评估已保存，任务已完成' : '月排查结果已保存，任务已完成');
    onClose();
  });
  useEffect(() => {
    if (task) {
      form.resetFields();
      clearErrors();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [task?.id]);
  const risks = Form.useWatch('newRiskTypes', form) ?? [];
  if (!task) return null;
  const isAssessment = task.kind === 'assessment';
  return (
    <Modal
      open
      title={`${task.kindLabel}：${task.headName ?? task.householdNo}（${task.month}）`}
      okText="保存并完成任务"
      cancelText="取消"
      confirmLoading={complete.isPending}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
      width={640}
    >
      <Typography.Paragraph type="secondary">
        {task.townshipName} {task.villageName} · 户编号 {task.householdNo} · 截止 {task.dueOn}
      </Typography.Paragraph>
      <FormErrors messages={errors} />
      <Form form={form} layout="vertical" initialValues={{ newRiskTypes: [], suggestion: null }}>
        <Form.Item
          name="perCapitaNetIncome"
          label="人均纯收入（近12个月，折算为元/年）"
          rules={isAssessment ? [{ required: true, message: '请填写人均纯收入' }] : []}
        >
          <InputNumber min={0} precision={2} style={{ width: 240 }} addonAfter="元/年" placeholder={isAssessment ? '' : '选填'} />
        </Form.Item>
        {isAssessment && (
          <Form.Item label="三保障和饮水安全（勾选存在问题的项）">
            <Space direction="vertical">
              {NEEDS.map(([name, label]) => (
                <Form.Item key={name} name={name} valuePropName="checked" noStyle>
                  <Checkbox>{label}</Checkbox>
                </Form.Item>
              ))}
            </Space>
          </Form.Item>
        )}
        <Form.Item name="newRiskTypes" label="新发现的风险类型（无则不选）">
          <CodeSelect list="riskType" mode="multiple" allowClear placeholder="无新风险" maxCount={5} />
        </Form.Item>
        {!isAssessment && risks.length > 0 && (
          <>
            <Form.Item name="suggestion" label="建议后续处理（由乡镇、县审核决定）">
              <Radio.Group>
                <Radio value="rollback">风险消除回退</Radio>
                <Radio value="reidentification">重新识别纳入</Radio>
                <Radio value={null}>暂不建议</Radio>
              </Radio.Group>
            </Form.Item>
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              message={<span>已消除户发现新风险：请在 <Link to={`/households/${task.householdId}`}>农户页面</Link> 或 <Link to="/cases/elimination">风险消除</Link>、<Link to="/cases/identification">识别纳入</Link> 中发起相应流程。</span>}
            />
          </>
        )}
        <Form.Item name="notes" label="备注">
          <Input.TextArea rows={3} maxLength={1000} showCount placeholder="入户了解的情况" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
