import { App, Checkbox, Divider, Form } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useCreateHousehold, type CreateHouseholdBody } from '../api';
import { FormPage } from './FormPage';
import { HouseholdFields } from './HouseholdFields';
import { IncomeFields, IncomeYearField } from './IncomeFields';
import { MemberListFields } from './MemberListFields';
import { NEW_HOUSEHOLD, newPerson, toHouseholdInput, toIncomeInput, toPersonInput, type HouseholdFormValues } from './formValues';
import { useServerErrors } from './useServerErrors';
import { serverNow } from '../../../lib/today';

const INITIAL: HouseholdFormValues = {
  household: NEW_HOUSEHOLD,
  members: [newPerson(true)],
  withIncome: false,
  income: { year: serverNow().year() - 1 },
};

export default function HouseholdCreatePage() {
  const [form] = Form.useForm<HouseholdFormValues>();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const create = useCreateHousehold();
  const errors = useServerErrors(form);
  const withIncome = Form.useWatch('withIncome', form);

  const submit = async () => {
    errors.clear();
    let values: HouseholdFormValues;
    try {
      values = await form.validateFields();
    } catch {
      return; // the form shows what is missing
    }
    const all = form.getFieldsValue(true) as HouseholdFormValues;
    const body: CreateHouseholdBody = {
      household: toHouseholdInput(all.household),
      members: (all.members ?? []).map(toPersonInput),
    };
    if (values.withIncome && all.income?.year) body.income = { ...toIncomeInput(all.income), year: all.income.year };
    create.mutate(body, {
      onSuccess: ({ id }) => {
        message.success('农户已新增');
        navigate(`/households/${id}`, { replace: true });
      },
      onError: errors.show,
    });
  };

  return (
    <FormPage title="新增农户" backTo="/households" messages={errors.messages} submitting={create.isPending} onSubmit={submit}>
      <Form form={form} layout="vertical" initialValues={INITIAL} scrollToFirstError>
        <HouseholdFields />
        <Divider titlePlacement="start">家庭成员</Divider>
        <MemberListFields />
        <Divider titlePlacement="start">年度收支（可选）</Divider>
        <Form.Item name="withIncome" valuePropName="checked">
          <Checkbox>同时录入年度收支</Checkbox>
        </Form.Item>
        {withIncome && (
          <>
            <IncomeYearField name={['income']} />
            <IncomeFields name={['income']} />
          </>
        )}
      </Form>
    </FormPage>
  );
}
