/** 添加成员: one PersonInput, POST /api/households/:id/members. */
import { App, Form, Modal } from 'antd';
import { useFormSubmit } from '../../../components/form/useFormSubmit';
import { FormErrors } from '../../../components/form/FormErrors';
import { useAddMember } from '../api';
import { PersonFields } from '../form/PersonFields';
import { newPerson, toPersonInput, type PersonDraft } from '../form/formValues';

interface Props {
  householdId: number;
  open: boolean;
  onClose: () => void;
}

export function MemberModal({ householdId, open, onClose }: Props) {
  const [form] = Form.useForm<PersonDraft>();
  const { message } = App.useApp();
  const add = useAddMember(householdId);

  // the whole draft (getFieldsValue(true)), not only the validated fields
  const { errors, submit } = useFormSubmit(form, async () => {
    await add.mutateAsync(toPersonInput(form.getFieldsValue(true) as PersonDraft));
    message.success('家庭成员已添加');
    onClose();
  });

  return (
    <Modal title="添加家庭成员" open={open} width={900} okText="保存" confirmLoading={add.isPending} onOk={submit} onCancel={onClose} destroyOnHidden>
      <FormErrors messages={errors} />
      <Form form={form} layout="vertical" initialValues={newPerson(false)} preserve={false}>
        <PersonFields name={[]} path={[]} />
      </Form>
    </Modal>
  );
}
