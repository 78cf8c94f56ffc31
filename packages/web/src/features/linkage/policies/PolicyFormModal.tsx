import { App, DatePicker, Flex, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormErrors } from '../../../components/form/FormErrors';
import { useFormSubmit } from '../../../components/form/useFormSubmit';
import { useCreatePolicy, useUpdatePolicy } from './api';
import { POLICY_LEVEL_OPTIONS } from './labels';
import type { Policy, PolicyInput, PolicyLevel } from './types';
import { serverNow } from '../../../lib/today';

interface Values {
  level: PolicyLevel;
  issuingBody: string;
  docNumber?: string;
  issuedOn: Dayjs;
  title: string;
  summary: string;
  tags?: string[];
  link?: string;
  attachmentName?: string;
}

const blankToNull = (s: string | undefined) => s?.trim() || null;

/** 新增政策 / 编辑政策 (office). Attachments are not uploaded: a link to the original and the attachment's name. */
export function PolicyFormModal({ target, onClose }: { target: 'new' | Policy | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const create = useCreatePolicy();
  const update = useUpdatePolicy();
  const policy = target && target !== 'new' ? target : null;

  const { errors, submit } = useFormSubmit(form, async (v) => {
    const body: PolicyInput = {
      level: v.level,
      issuingBody: v.issuingBody.trim(),
      docNumber: blankToNull(v.docNumber),
      issuedOn: v.issuedOn.format('YYYY-MM-DD'),
      title: v.title.trim(),
      summary: v.summary.trim(),
      tags: (v.tags ?? []).map((t) => t.trim()).filter(Boolean),
      link: blankToNull(v.link),
      attachmentName: blankToNull(v.attachmentName),
    };
    if (policy) await update.mutateAsync({ id: policy.id, version: policy.version, ...body });
    else await create.mutateAsync(body);
    message.success(policy ? '政策已保存' : '政策已入库');
    onClose();
  });

  return (
    <Modal
      title={policy ? '编辑政策' : '新增政策'}
      open={!!target}
      width={760}
      okText="保存"
      confirmLoading={create.isPending || update.isPending}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      <FormErrors messages={errors} />
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={
          policy
            ? {
                level: policy.level,
                issuingBody: policy.issuingBody,
                docNumber: policy.docNumber ?? undefined,
                issuedOn: dayjs(policy.issuedOn),
                title: policy.title,
                summary: policy.summary,
                tags: policy.tags,
                link: policy.link ?? undefined,
                attachmentName: policy.attachmentName ?? undefined,
              }
            : { level: 'county', tags: [] }
        }
      >
        <Form.Item name="title" label="政策标题" rules={[{ required: true, whitespace: true, message: '请填写政策标题' }]}>
          <Input maxLength={200} data-testid="policy-title" />
        </Form.Item>
        <Flex gap={16}>
          <Form.Item name="level" label="政策层级" style={{ width: 140 }} rules={[{ required: true, message: '请选择政策层级' }]}>
            <Select options={POLICY_LEVEL_OPTIONS} />
          </Form.Item>
          <Form.Item name="issuingBody" label="发文机关" style={{ flex: 1 }} rules={[{ required: true, whitespace: true, message: '请填写发文机关' }]}>
            <Input maxLength={100} />
          </Form.Item>
        </Flex>
        <Flex gap={16}>
          <Form.Item name="docNumber" label="文号" style={{ flex: 1 }}>
            <Input maxLength={60} placeholder="如 豫政办〔2024〕12号" />
          </Form.Item>
          <Form.Item name="issuedOn" label="印发日期" style={{ width: 200 }} rules={[{ required: true, message: '请选择印发日期' }]}>
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(serverNow(), 'day')} />
          </Form.Item>
        </Flex>
        <Form.Item name="summary" label="内容摘要" rules={[{ required: true, whitespace: true, message: '请填写内容摘要' }]}>
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={4000} showCount />
        </Form.Item>
        <Form.Item name="tags" label="标签" extra="输入后按回车添加，最多10个，每个不超过20字">
          <Select mode="tags" maxCount={10} tokenSeparators={[',', '，', ' ']} open={false} suffixIcon={null} placeholder="如 医疗保障、教育资助" />
        </Form.Item>
        <Flex gap={16}>
          <Form.Item name="link" label="原文链接" style={{ flex: 1 }} rules={[{ type: 'url', message: '请填写有效的网址（http/https）' }]}>
            <Input maxLength={500} placeholder="https://" />
          </Form.Item>
          <Form.Item name="attachmentName" label="附件名称" style={{ flex: 1 }}>
            <Input maxLength={200} placeholder="暂不支持上传，可填写附件名称" />
          </Form.Item>
        </Flex>
      </Form>
    </Modal>
  );
}
