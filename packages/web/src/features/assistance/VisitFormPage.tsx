/**
 * 登记走访 — a single-column form that works on a phone (the 帮扶责任人 records a visit on the spot): household, date,
 * kind, the "四个一" on a 帮扶日, notes (≤ 2000) and photos (uploaded after the record is saved; 413 / 415 shown).
 */
import { App, Button, Card, Checkbox, DatePicker, Flex, Form, Input, Radio, Select, Typography, Upload } from 'antd';
import { CameraOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import type { Paged } from '../../api/types';
import { FormErrors } from '../../components/form/FormErrors';
import { useFormSubmit } from '../../components/form/useFormSubmit';
import { serverNow } from '../../lib/today';
import { uploadAttachment, useCatalogue, useCreateVisit } from './api';

interface Values { householdId: number; visitedOn: Dayjs; kind: string; fourOnes?: string[]; notes?: string }
const isHelpDay = (d: Dayjs) => [5, 15, 25].includes(d.date());

function useHouseholdOptions(search: string, preset?: number) {
  return useQuery({
    queryKey: ['assistance', 'household-options', search, preset],
    queryFn: async ({ signal }) => {
      const page = await api<Paged<{ id: number; householdNo: string; headName: string | null; villageName: string }>>('/households', { query: { q: search || undefined, pageSize: 30 }, signal });
      const items = page.items;
      if (preset && !items.some((h) => h.id === preset)) {
        const one = await api<{ household: { id: number; householdNo: string; villageName: string } ; members: { name: string; relation: string }[] }>(`/households/${preset}`, { signal }).catch(() => null);
        if (one) items.unshift({ id: one.household.id, householdNo: one.household.householdNo, villageName: one.household.villageName, headName: one.members.find((m) => m.relation === 'head')?.name ?? null });
      }
      return items;
    },
  });
}

export default function VisitFormPage() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const preset = Number(params.get('householdId')) || undefined;
  const [form] = Form.useForm<Values>();
  const [search, setSearch] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const households = useHouseholdOptions(search, preset);
  const catalogue = useCatalogue();
  const create = useCreateVisit();
  const kind = Form.useWatch('kind', form);
  const { errors, submit } = useFormSubmit(form, async (v) => {
    const { visit } = await create.mutateAsync({
      householdId: v.householdId, visitedOn: v.visitedOn.format('YYYY-MM-DD'), kind: v.kind, fourOnes: v.kind === 'help_day' ? v.fourOnes ?? [] : [], notes: v.notes?.trim() || null,
    });
    const failed: string[] = [];
    for (const f of files) await uploadAttachment('visits', visit.id, f).catch((e: Error) => failed.push(`${f.name}：${e.message}`));
    if (failed.length) message.warning(`走访已登记，以下照片未上传：${failed.join('；')}`, 8);
    else message.success('走访已登记');
    navigate(preset ? `/households/${preset}` : '/assistance/visits');
  });
  const today = serverNow();
  return (
    <Card style={{ maxWidth: 560, margin: '0 auto' }}>
      <Typography.Title level={4} style={{ marginTop: 0 }}>登记走访</Typography.Title>
      <FormErrors messages={errors} />
      <Form form={form} layout="vertical" size="large" initialValues={{ householdId: preset, visitedOn: today, kind: isHelpDay(today) ? 'help_day' : 'home', fourOnes: [] }}>
        <Form.Item name="householdId" label="走访农户" rules={[{ required: true, message: '请选择农户' }]}>
          <Select
            showSearch={{ filterOption: false, onSearch: setSearch }}
            placeholder="输入户主姓名或户编号"
            loading={households.isFetching}
            notFoundContent={households.isFetching ? '加载中…' : '没有找到农户'}
            options={(households.data ?? []).map((h) => ({ value: h.id, label: `${h.headName ?? '（未登记户主）'} · ${h.villageName} · ${h.householdNo}` }))}
          />
        </Form.Item>
        <Form.Item name="visitedOn" label="走访日期" rules={[{ required: true, message: '请选择走访日期' }]}>
          <DatePicker style={{ width: '100%' }} inputReadOnly disabledDate={(d) => d.isAfter(serverNow(), 'day')} />
        </Form.Item>
        <Form.Item name="kind" label="走访方式" rules={[{ required: true, message: '请选择走访方式' }]}>
          <Radio.Group optionType="button" buttonStyle="solid" options={(catalogue.data?.visitKinds ?? []).map((k) => ({ value: k.code, label: k.label }))} />
        </Form.Item>
        {kind === 'help_day' && (
          <Form.Item name="fourOnes" label={'帮扶日"四个一"（每月5日、15日、25日）'} rules={[{ required: true, type: 'array', min: 1, message: '帮扶日走访请至少勾选一项"四个一"事项' }]}>
            <Checkbox.Group>
              <Flex vertical gap={8}>
                {(catalogue.data?.fourOnes ?? []).map((f) => <Checkbox key={f.code} value={f.code}>{f.label}</Checkbox>)}
              </Flex>
            </Checkbox.Group>
          </Form.Item>
        )}
        <Form.Item name="notes" label="走访情况">
          <Input.TextArea rows={5} maxLength={2000} showCount placeholder="了解的家庭情况、反映的困难、宣讲的政策、办理的实事" />
        </Form.Item>
        <Form.Item label="现场照片（JPEG/PNG/WebP，单张不超过上传限制）">
          <Upload listType="picture" multiple accept="image/jpeg,image/png,image/webp" beforeUpload={(f) => { setFiles((x) => [...x, f]); return false; }} onRemove={(f) => setFiles((x) => x.filter((y) => y.name !== f.name))}>
            <Button icon={<CameraOutlined />} block>拍照或选择照片</Button>
          </Upload>
        </Form.Item>
        <Button type="primary" block onClick={submit} loading={create.isPending}>保存走访记录</Button>
      </Form>
    </Card>
  );
}
