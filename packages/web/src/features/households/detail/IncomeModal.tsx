/** 录入收入: one year's IncomeInput, PUT /api/households/:id/incomes/:year (an existing year is prefilled and overwritten). */
import { Alert, App, Form, Modal } from 'antd';
import { useFormSubmit } from '../../../components/form/useFormSubmit';
import { FormErrors } from '../../../components/form/FormErrors';
import { useSaveIncome } from '../api';
import { IncomeFields, IncomeYearField } from '../form/IncomeFields';
import { toIncomeInput, type IncomeDraft } from '../form/formValues';
import type { Income } from '../types';
import { serverNow } from '../../../lib/today';

interface Props {
  householdId: number;
  incomes: Income[];
  open: boolean;
  onClose: () => void;
}

function draftFor(year: number, incomes: Income[]): IncomeDraft {
  const found = incomes.find((i) => i.year === year);
  const n = (v: Income['wageIncome'] | undefined) => (v === undefined ? undefined : Number(v));
  return {
    year,
    wageIncome: n(found?.wageIncome),
    businessIncome: n(found?.businessIncome),
    propertyIncome: n(found?.propertyIncome),
    transferIncome: n(found?.transferIncome),
    businessExpense: n(found?.businessExpense),
    claimIncome: n(found?.claimIncome),
    outOfPocketExpense: n(found?.outOfPocketExpense),
  };
}

export function IncomeModal({ householdId, incomes, open, onClose }: Props) {
  const [form] = Form.useForm<IncomeDraft>();
  const { message } = App.useApp();
  const save = useSaveIncome(householdId);
  const year = Form.useWatch('year', form);
  const existing = incomes.some((i) => i.year === year);

  const { errors, submit, clearErrors } = useFormSubmit(form, async (values) => {
    if (!values.year) return;
    await save.mutateAsync({ ...toIncomeInput(values), year: values.year });
    message.success(`${values.year}年度收支已保存`);
    onClose();
  });

  return (
    <Modal
      title="录入收支"
      open={open}
      width={760}
      okText="保存"
      confirmLoading={save.isPending}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
      afterOpenChange={(visible) => {
        if (visible) {
          clearErrors();
          form.setFieldsValue(draftFor(serverNow().year() - 1, incomes));
        }
      }}
    >
      <FormErrors messages={errors} />
      <Form form={form} layout="vertical" preserve={false}>
        <IncomeYearField onChange={(y) => y && form.setFieldsValue(draftFor(y, incomes))} />
        {existing && <Alert type="info" showIcon title={`${year}年度已有收支记录，保存将覆盖原数据`} style={{ marginBottom: 12 }} />}
        <IncomeFields />
        <div style={{ color: '#888' }}>人均纯收入由系统按（四项收入 − 生产经营性支出）÷ 家庭人口自动计算。</div>
      </Form>
    </Modal>
  );
}
