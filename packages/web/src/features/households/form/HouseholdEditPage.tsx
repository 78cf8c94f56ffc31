import { App, Button, Form, Result, Spin } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../../api/client';
import { QueryError } from '../../../components/QueryError';
import { useHousehold, useUpdateHousehold } from '../api';
import type { Household } from '../types';
import { FormPage } from './FormPage';
import { HouseholdFields } from './HouseholdFields';
import { toHouseholdDraft, toHouseholdInput, type HouseholdFormValues } from './formValues';
import { useServerErrors } from './useServerErrors';

export default function HouseholdEditPage() {
  const id = Number(useParams().id);
  const detail = useHousehold(id);

  if (!Number.isInteger(id) || id <= 0) return <Result status="404" title="农户不存在" />;
  if (detail.isPending) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  if (detail.isError || !detail.data) return <QueryError error={detail.error} onRetry={() => detail.refetch()} />;
  return <EditForm household={detail.data.household} reload={async () => (await detail.refetch()).data?.household} />;
}

/** The form is filled once from the loaded household; a version conflict offers to load the latest data. */
function EditForm({ household, reload }: { household: Household; reload: () => Promise<Household | undefined> }) {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<HouseholdFormValues>();
  const update = useUpdateHousehold(household.id);
  const errors = useServerErrors(form);
  const [version, setVersion] = useState(household.version);
  const [conflict, setConflict] = useState(false);

  const submit = async () => {
    errors.clear();
    setConflict(false);
    try {
      await form.validateFields();
    } catch {
      return;
    }
    const input = toHouseholdInput((form.getFieldsValue(true) as HouseholdFormValues).household);
    // The stored phone is only known masked: a blank field means "keep it", so it is left out of the body.
    if (!input.phone) delete input.phone;
    update.mutate(
      { household: input, version },
      {
        onSuccess: () => {
          message.success('已保存');
          navigate(`/households/${household.id}`, { replace: true });
        },
        onError: (e) => {
          errors.show(e);
          setConflict(e instanceof ApiError && e.status === 409);
        },
      },
    );
  };

  const loadLatest = async () => {
    const latest = await reload();
    if (!latest) return;
    form.resetFields();
    form.setFieldsValue({ household: toHouseholdDraft(latest) });
    setVersion(latest.version);
    setConflict(false);
    errors.clear();
    message.info('已载入最新数据，请重新修改后保存');
  };

  return (
    <FormPage
      title={`编辑农户 ${household.householdNo}`}
      backTo={`/households/${household.id}`}
      messages={errors.messages}
      messageAction={conflict ? <Button size="small" onClick={loadLatest}>载入最新数据</Button> : undefined}
      submitting={update.isPending}
      onSubmit={submit}
    >
      <Form form={form} layout="vertical" initialValues={{ household: toHouseholdDraft(household) }} scrollToFirstError>
        <HouseholdFields phoneHint={household.phone ? `当前：${household.phone}；留空表示不修改` : undefined} />
      </Form>
    </FormPage>
  );
}
