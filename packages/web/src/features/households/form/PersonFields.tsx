/** Every PersonInput field. `name` is the item's path relative to its Form.List (or [] in a modal); `path` the absolute one. */
import { Form, Input, InputNumber, Switch } from 'antd';
import { CodeSelect } from '../../../components/CodeSelect';
import { PERSON_LABELS as L } from '../labels';
import { FieldGrid } from './FieldGrid';

type NamePath = (string | number)[];

interface Props {
  name: NamePath;
  path: NamePath;
}

function Flag({ at, field }: { at: NamePath; field: string }) {
  return (
    <Form.Item name={[...at, field]} label={L[field]} valuePropName="checked">
      <Switch checkedChildren="是" unCheckedChildren="否" />
    </Form.Item>
  );
}

export function PersonFields({ name, path }: Props) {
  const form = Form.useFormInstance();
  const health = Form.useWatch([...path, 'health'], form);
  const workLocation = Form.useWatch([...path, 'workLocation'], form);
  const publicWelfarePost = Form.useWatch([...path, 'publicWelfarePost'], form);

  return (
    <FieldGrid>
      <Form.Item name={[...name, 'name']} label={L.name} rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
        <Input maxLength={64} />
      </Form.Item>
      <Form.Item name={[...name, 'relation']} label={L.relation} rules={[{ required: true, message: '请选择与户主关系' }]}>
        <CodeSelect list="relation" />
      </Form.Item>
      <Form.Item name={[...name, 'idType']} label={L.idType}>
        <CodeSelect list="idType" />
      </Form.Item>
      <Form.Item
        name={[...name, 'idNumber']}
        label={L.idNumber}
        rules={[{ required: true, whitespace: true, message: '请填写证件号码' }]}
        tooltip="性别和出生日期由证件号码自动得出"
      >
        <Input maxLength={22} style={{ fontFamily: 'monospace' }} />
      </Form.Item>
      <Form.Item name={[...name, 'ethnicity']} label={L.ethnicity}>
        <CodeSelect list="ethnicity" />
      </Form.Item>
      <Form.Item name={[...name, 'politicalStatus']} label={L.politicalStatus}>
        <CodeSelect list="politicalStatus" />
      </Form.Item>
      <Form.Item name={[...name, 'education']} label={L.education}>
        <CodeSelect list="education" allowClear />
      </Form.Item>
      <Form.Item name={[...name, 'schoolStatus']} label={L.schoolStatus}>
        <CodeSelect list="schoolStatus" />
      </Form.Item>
      <Form.Item name={[...name, 'health']} label={L.health}>
        <CodeSelect list="health" />
      </Form.Item>
      {health === 'disabled' && (
        <Form.Item name={[...name, 'disabilityCategory']} label={L.disabilityCategory} rules={[{ required: true, message: '请选择残疾类别' }]}>
          <CodeSelect list="disabilityCategory" numeric />
        </Form.Item>
      )}
      {health === 'disabled' && (
        <Form.Item name={[...name, 'disabilityGrade']} label={L.disabilityGrade} rules={[{ required: true, message: '请选择残疾等级' }]}>
          <CodeSelect list="disabilityGrade" numeric />
        </Form.Item>
      )}
      <Form.Item name={[...name, 'labourSkill']} label={L.labourSkill} rules={[{ required: true, message: '请选择劳动技能' }]}>
        <CodeSelect list="labourSkill" />
      </Form.Item>
      <Form.Item name={[...name, 'workLocation']} label={L.workLocation}>
        <CodeSelect list="workLocation" />
      </Form.Item>
      {workLocation && workLocation !== 'none' && (
        <Form.Item name={[...name, 'workMonths']} label={L.workMonths}>
          <InputNumber min={0} max={12} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      )}
      <Flag at={name} field="residentMedicalInsurance" />
      <Flag at={name} field="employeeMedicalInsurance" />
      <Flag at={name} field="criticalIllnessInsurance" />
      <Flag at={name} field="pensionInsurance" />
      <Flag at={name} field="dibao" />
      <Flag at={name} field="tekun" />
      <Flag at={name} field="publicWelfarePost" />
      {publicWelfarePost && (
        <Form.Item name={[...name, 'postMonths']} label={L.postMonths}>
          <InputNumber min={0} max={12} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      )}
      <Flag at={name} field="skillCertificate" />
    </FieldGrid>
  );
}
