/**
 * 分配 / 更换帮扶责任人: a button with its dialog, reusable on any page that shows a household (the case page at
 * 县级审批, the household card). Reassigning asks for the reason; the server keeps the history.
 */
import { App, Button, Form, Input, Modal, Select, Space, Tag, Typography, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useAuth } from '../../app/auth';
import { FormErrors } from '../../components/form/FormErrors';
import { useFormSubmit } from '../../components/form/useFormSubmit';
import { useAssignHelper, useHelpers } from './api';

export interface AssignHelperButtonProps {
  householdId: number;
  /** The household's current helper, when known (the dialog then asks for a reason). */
  currentHelper?: { id: number; name: string } | null;
  onAssigned?: (helperName: string) => void;
  buttonProps?: ButtonProps;
  label?: string;
}

export function AssignHelperButton({ householdId, currentHelper, onAssigned, buttonProps, label }: AssignHelperButtonProps) {
  const { can } = useAuth();
  const [open, setOpen] = useState(false);
  if (!can('helper_registry:manage')) return null;
  return (
    <>
      <Button {...buttonProps} onClick={() => setOpen(true)}>{label ?? (currentHelper ? '更换帮扶责任人' : '分配帮扶责任人')}</Button>
      {open && <AssignHelperDialog householdId={householdId} currentHelper={currentHelper ?? null} onClose={() => setOpen(false)} onAssigned={onAssigned} />}
    </>
  );
}

function AssignHelperDialog({ householdId, currentHelper, onClose, onAssigned }: { householdId: number; currentHelper: { id: number; name: string } | null; onClose: () => void; onAssigned?: (name: string) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ helperId: number; reason?: string }>();
  const [search, setSearch] = useState('');
  const helpers = useHelpers({ q: search || undefined, active: 'true', pageSize: 50 });
  const assign = useAssignHelper(householdId);
  const { errors, submit } = useFormSubmit(form, async (v) => {
    const r = await assign.mutateAsync({ helperId: v.helperId, reason: v.reason?.trim() || null });
    message.success(`已将帮扶责任人设为 ${r.helperName}`);
    onAssigned?.(r.helperName);
    onClose();
  });
  return (
    <Modal open title={currentHelper ? '更换帮扶责任人' : '分配帮扶责任人'} okText="确定" cancelText="取消" onOk={submit} onCancel={onClose} confirmLoading={assign.isPending} destroyOnHidden>
      <FormErrors messages={errors} />
      {currentHelper && <Typography.Paragraph type="secondary">当前帮扶责任人：{currentHelper.name}。更换后原帮扶关系结束，历史保留。</Typography.Paragraph>}
      <Form form={form} layout="vertical">
        <Form.Item name="helperId" label="帮扶责任人" rules={[{ required: true, message: '请选择帮扶责任人' }]}>
          <Select
            showSearch={{ filterOption: false, onSearch: setSearch }}
            placeholder="输入姓名或单位搜索"
            loading={helpers.isFetching}
            notFoundContent={helpers.isFetching ? '加载中…' : '没有找到帮扶责任人，请先在帮扶责任人名册中登记'}
            options={(helpers.data?.items ?? []).filter((h) => h.id !== currentHelper?.id).map((h) => ({
              value: h.id,
              label: (
                <Space size={4} wrap>
                  <span>{h.name}</span>
                  <Typography.Text type="secondary">{h.unit}{h.position ? ` ${h.position}` : ''}（{h.areaName}）</Typography.Text>
                  <Tag color={h.overLimit ? 'orange' : 'default'}>{h.workloadText}</Tag>
                </Space>
              ),
            }))}
          />
        </Form.Item>
        <Form.Item name="reason" label={currentHelper ? '更换原因' : '说明（可选）'} rules={currentHelper ? [{ required: true, whitespace: true, message: '请填写更换原因' }] : []}>
          <Input.TextArea rows={2} maxLength={500} showCount placeholder={currentHelper ? '如：原帮扶责任人工作调动' : '如：县级审批纳入监测'} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
