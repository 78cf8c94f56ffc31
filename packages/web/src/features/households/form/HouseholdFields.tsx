/** Every HouseholdInput field, under the form path `household`. */
import { DatePicker, Divider, Form, Input, InputNumber, Switch } from 'antd';
import { AreaTreeSelect } from '../../../components/AreaTreeSelect';
import { CodeSelect } from '../../../components/CodeSelect';
import { HOUSEHOLD_LABELS as L } from '../labels';
import { FieldGrid } from './FieldGrid';

const VILLAGE_ONLY = ['village'] as const;
const P = 'household';

function Flag({ name }: { name: string }) {
  return (
    <Form.Item name={[P, name]} label={L[name]} valuePropName="checked">
      <Switch checkedChildren="是" unCheckedChildren="否" />
    </Form.Item>
  );
}

/** `phoneHint` tells the editor what the (masked) stored phone is and that blank keeps it. */
export function HouseholdFields({ phoneHint }: { phoneHint?: string }) {
  const form = Form.useFormInstance();
  const householdType = Form.useWatch([P, 'householdType'], form);
  const monitorCategory = Form.useWatch([P, 'monitorCategory'], form);
  const riskEliminated = Form.useWatch([P, 'riskEliminated'], form);
  const relocated = Form.useWatch([P, 'relocated'], form);

  return (
    <>
      <Divider titlePlacement="start">基本信息</Divider>
      <FieldGrid>
        <Form.Item name={[P, 'villageCode']} label={L.villageCode} rules={[{ required: true, message: '请选择所属村' }]}>
          <AreaTreeSelect levels={VILLAGE_ONLY} placeholder="请选择村" />
        </Form.Item>
        <Form.Item name={[P, 'address']} label={L.address}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name={[P, 'phone']} label={L.phone} extra={phoneHint}>
          <Input maxLength={20} placeholder="11位手机号或带区号的固定电话" />
        </Form.Item>
        <Form.Item name={[P, 'householdType']} label={L.householdType} rules={[{ required: true, message: '请选择户类型' }]}>
          <CodeSelect list="householdType" />
        </Form.Item>
        {householdType === 'alleviated' && (
          <Form.Item name={[P, 'alleviationYear']} label={L.alleviationYear} rules={[{ required: true, message: '脱贫户必须填写脱贫年度' }]}>
            <InputNumber min={2013} max={2020} precision={0} style={{ width: '100%' }} placeholder="2013-2020" />
          </Form.Item>
        )}
      </FieldGrid>

      <Divider titlePlacement="start">监测信息</Divider>
      <FieldGrid>
        <Form.Item name={[P, 'monitorCategory']} label={L.monitorCategory}>
          <CodeSelect list="monitorCategory" allowClear placeholder="非监测对象" />
        </Form.Item>
        {monitorCategory && (
          <Form.Item name={[P, 'monitorIdentifiedOn']} label={L.monitorIdentifiedOn} rules={[{ required: true, message: '监测对象必须填写识别监测时间' }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        )}
        <Form.Item name={[P, 'riskTypes']} label={L.riskTypes} rules={[{ type: 'array', max: 5, message: '风险类型最多5项' }]}>
          <CodeSelect list="riskType" mode="multiple" maxCount={5} allowClear placeholder="最多选择5项" />
        </Form.Item>
        {monitorCategory && (
          <Form.Item name={[P, 'riskEliminated']} label={L.riskEliminated} valuePropName="checked">
            <Switch checkedChildren="已消除" unCheckedChildren="未消除" />
          </Form.Item>
        )}
        {monitorCategory && riskEliminated && (
          <Form.Item name={[P, 'eliminationMethod']} label={L.eliminationMethod} rules={[{ required: true, message: '请选择消除方式' }]}>
            <CodeSelect list="eliminationMethod" />
          </Form.Item>
        )}
        {monitorCategory && riskEliminated && (
          <Form.Item name={[P, 'eliminatedOn']} label={L.eliminatedOn} rules={[{ required: true, message: '请选择消除时间' }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        )}
        <Form.Item name={[P, 'monitorContact']} label={L.monitorContact}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name={[P, 'helperName']} label={L.helperName}>
          <Input maxLength={64} />
        </Form.Item>
      </FieldGrid>

      <Divider titlePlacement="start">兜底保障与“三保障”及饮水安全</Divider>
      <FieldGrid>
        <Flag name="relocated" />
        {relocated && (
          <Form.Item name={[P, 'relocationSite']} label={L.relocationSite}>
            <Input maxLength={100} />
          </Form.Item>
        )}
        <Flag name="noLabourGuarantee" />
        <Flag name="dibao" />
        <Flag name="tekun" />
        <Flag name="housingUnsafe" />
        <Flag name="schoolingDropout" />
        <Flag name="medicalUninsured" />
        <Flag name="waterUnsafe" />
      </FieldGrid>
    </>
  );
}
