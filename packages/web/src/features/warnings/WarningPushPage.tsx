/** 推送信息预警: a single clue at any time — by ID number, or by name + village; risk types and what happened. */
import { App, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { AreaTreeSelect } from '../../components/AreaTreeSelect';
import { CodeSelect } from '../../components/CodeSelect';
import { FormErrors } from '../../components/form/FormErrors';
import { useFormSubmit } from '../../components/form/useFormSubmit';
import { useAuth } from '../../app/auth';
import { PageTitle } from '../linkage/shared/PageTitle';
import { usePushWarning } from './api';
import type { PushBody } from './types';

export default function WarningPushPage() {
  const [form] = Form.useForm<PushBody>();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { user } = useAuth();
  const push = usePushWarning();
  const { errors, submit } = useFormSubmit(form, async (v) => {
    const body: PushBody = {
      idNumber: v.idNumber?.trim() || undefined, name: v.name?.trim() || undefined, villageCode: v.villageCode || undefined,
      riskTypes: v.riskTypes, description: v.description.trim(),
    };
    const r = await push.mutateAsync(body);
    message.success(`预警已推送（编号 ${r.id}），乡镇将在核实时限内核实`);
    navigate(`/warnings/${r.id}`);
  });
  return (
    <Card>
      <PageTitle title="推送信息预警" backTo="/warnings" />
      <Typography.Paragraph type="secondary">
        {user?.departmentName ? `以${user.departmentName}名义推送。` : ''}发现可能导致返贫致贫的风险（重病、残疾、事故、灾害、失学辍学、危房、饮水问题等）随时推送；
        按证件号码自动匹配户籍台账或农村人口底册，未建档人员请填写姓名和所属村。
      </Typography.Paragraph>
      <FormErrors messages={errors} />
      <Form form={form} layout="vertical" style={{ maxWidth: 640 }} data-testid="warning-push-form">
        <Form.Item name="idNumber" label="证件号码" extra="18位居民身份证号码（或残疾人证号码）；填写后自动匹配对象">
          <Input maxLength={22} placeholder="如 411321198001011234" />
        </Form.Item>
        <Space wrap size={16} align="start">
          <Form.Item name="name" label="姓名（证件号码未匹配时必填）">
            <Input maxLength={64} style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="villageCode" label="所属村（证件号码未匹配时必填）">
            <AreaTreeSelect levels={['village']} style={{ width: 280 }} placeholder="请选择村" />
          </Form.Item>
        </Space>
        <Form.Item name="riskTypes" label="风险类型" rules={[{ required: true, message: '请至少选择一项风险类型' }]}>
          <CodeSelect list="riskType" mode="multiple" maxCount={5} placeholder="最多选择5项" />
        </Form.Item>
        <Form.Item name="description" label="情况说明" rules={[{ required: true, whitespace: true, message: '请填写预警情况说明' }]}>
          <Input.TextArea rows={5} maxLength={2000} showCount placeholder="发生了什么、何时、涉及金额或程度等" />
        </Form.Item>
        <Typography.Paragraph type="secondary">推送后可在预警详情页上传诊断证明、鉴定书、照片等佐证材料。</Typography.Paragraph>
        <Space>
          <Button type="primary" onClick={submit} loading={push.isPending}>推送</Button>
          <Button onClick={() => navigate('/warnings')}>取消</Button>
        </Space>
      </Form>
    </Card>
  );
}
