/** 帮扶计划 page: the household, the deadline, the labour rule, and the measures with 已落实 / 取消 / 修改 and evidence. */
import { App, Button, Card, DatePicker, Descriptions, Flex, Form, Input, Modal, Spin, Table, Tag, Typography, Upload } from 'antd';
import { PaperClipOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { FormErrors } from '../../components/form/FormErrors';
import { useFormSubmit } from '../../components/form/useFormSubmit';
import { AttachmentList } from '../../components/AttachmentList';
import { QueryError } from '../../components/QueryError';
import { serverNow } from '../../lib/today';
import { uploadAttachment, useAddMeasure, useCancelMeasure, useImplementMeasure, useMeasureAttachments, usePlan, useUpdateMeasure } from './api';
import { DeadlineTag, FindingAlert, MONITOR_CATEGORY, MeasureStatusTag, PLAN_STATUS, money } from './labels';
import { MeasureFields, toMeasureInput, type MeasureFormValues } from './MeasureFields';
import type { Measure, PlanDetail } from './types';

type Dialog = { kind: 'implement' | 'cancel' | 'edit' | 'files'; measure: Measure } | { kind: 'add' } | null;

export default function PlanPage() {
  const id = Number(useParams().id);
  const q = usePlan(id);
  const [dialog, setDialog] = useState<Dialog>(null);
  if (q.isPending) return <Card><Spin /></Card>;
  if (q.isError) return <Card><QueryError error={q.error} onRetry={() => q.refetch()} /></Card>;
  const p = q.data;
  const columns: ColumnsType<Measure> = [
    { title: '措施', key: 'measure', render: (_, m) => <Flex vertical gap={2}><span>{m.measureLabel}{m.developmental && <Tag color="green" style={{ marginLeft: 6 }}>开发式</Tag>}</span>{m.content && <Typography.Text type="secondary">{m.content}</Typography.Text>}{m.warningId && <Link to={`/warnings/${m.warningId}`}>因预警 #{m.warningId} 新增</Link>}</Flex> },
    { title: '责任部门', dataIndex: 'departmentName', width: 140, render: (v: string | null) => v ?? '—' },
    { title: '金额', dataIndex: 'amount', width: 110, render: (v: number | null) => money(v) },
    { title: '计划落实', dataIndex: 'plannedOn', width: 110 },
    {
      title: '状态', key: 'status', width: 220,
      render: (_, m) => (
        <Flex vertical gap={2}>
          <span><MeasureStatusTag status={m.status} />{m.implementedOn && `${m.implementedOn} 落实`}</span>
          {m.evidenceNote && <Typography.Text type="secondary">{m.evidenceNote}</Typography.Text>}
          {m.cancelReason && <Typography.Text type="secondary">取消原因：{m.cancelReason}</Typography.Text>}
        </Flex>
      ),
    },
    {
      title: '操作', key: 'actions', width: 220,
      render: (_, m) => (
        <Flex gap={4} wrap>
          {m.canImplement && <Button size="small" type="primary" onClick={() => setDialog({ kind: 'implement', measure: m })}>标记已落实</Button>}
          {m.canEdit && <Button size="small" onClick={() => setDialog({ kind: 'edit', measure: m })}>修改</Button>}
          {m.canEdit && <Button size="small" danger onClick={() => setDialog({ kind: 'cancel', measure: m })}>取消</Button>}
          <Button size="small" icon={<PaperClipOutlined />} onClick={() => setDialog({ kind: 'files', measure: m })}>佐证</Button>
        </Flex>
      ),
    },
  ];
  return (
    <Flex vertical gap={16}>
      <Card>
        <Typography.Title level={4} style={{ marginTop: 0 }}>帮扶计划 #{p.id}</Typography.Title>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} bordered>
          <Descriptions.Item label="农户"><Link to={`/households/${p.householdId}`}>{p.headName ?? '（未登记户主）'} {p.householdNo}</Link></Descriptions.Item>
          <Descriptions.Item label="乡镇 / 村">{p.townshipName} {p.villageName}</Descriptions.Item>
          <Descriptions.Item label="监测类别">{p.monitorCategory ? MONITOR_CATEGORY[p.monitorCategory] ?? p.monitorCategory : '—'}</Descriptions.Item>
          <Descriptions.Item label="帮扶责任人">{p.helperName ?? <Tag color="orange">未分配</Tag>}</Descriptions.Item>
          <Descriptions.Item label="制定日期">{p.madeOn}</Descriptions.Item>
          <Descriptions.Item label="计划状态">{PLAN_STATUS[p.status] ?? p.status}</Descriptions.Item>
          <Descriptions.Item label="制定时限" span={3}>{p.deadline ? <Flex gap={8} wrap><DeadlineTag status={p.deadline.status} /><span>{p.deadline.text}</span></Flex> : p.dueOn ?? '—'}</Descriptions.Item>
          {p.notes && <Descriptions.Item label="计划说明" span={3}>{p.notes}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <Card title={`帮扶措施（已落实 ${p.implemented} / 计划中 ${p.planned}${p.cancelled ? ` / 已取消 ${p.cancelled}` : ''}）`}
        extra={p.canManage && <Button icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'add' })}>增加措施</Button>}>
        <FindingAlert finding={p.finding} />
        <Typography.Paragraph type="secondary">家庭有劳动能力成员 {p.labourCapable} 人。有劳动能力的家庭至少安排一项开发式帮扶措施（产业、就业、金融、公益岗位）。</Typography.Paragraph>
        <Table<Measure> rowKey="id" size="middle" scroll={{ x: 900 }} columns={columns} dataSource={p.measures} pagination={false} locale={{ emptyText: '暂无措施' }} />
      </Card>
      {dialog?.kind === 'implement' && <ImplementDialog plan={p} measure={dialog.measure} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'cancel' && <CancelDialog measure={dialog.measure} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'edit' && <EditDialog measure={dialog.measure} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'files' && <FilesDialog measure={dialog.measure} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'add' && <AddDialog planId={p.id} onClose={() => setDialog(null)} />}
    </Flex>
  );
}

function ImplementDialog({ plan, measure, onClose }: { plan: PlanDetail; measure: Measure; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ implementedOn: dayjs.Dayjs; evidenceNote: string }>();
  const [files, setFiles] = useState<File[]>([]);
  const implement = useImplementMeasure();
  const { errors, submit } = useFormSubmit(form, async (v) => {
    await implement.mutateAsync({ id: measure.id, implementedOn: v.implementedOn.format('YYYY-MM-DD'), evidenceNote: v.evidenceNote, version: measure.version });
    const failed: string[] = [];
    for (const f of files) await uploadAttachment('help-measures', measure.id, f).catch((e: Error) => failed.push(`${f.name}：${e.message}`));
    if (failed.length) message.warning(`已标记落实，但有文件未上传：${failed.join('；')}`);
    else message.success('已标记为已落实');
    onClose();
  });
  return (
    <Modal open title={`标记已落实：${measure.measureLabel}`} okText="确定" cancelText="取消" onOk={submit} onCancel={onClose} confirmLoading={implement.isPending}>
      <FormErrors messages={errors} />
      <Form form={form} layout="vertical" initialValues={{ implementedOn: serverNow() }}>
        <Form.Item name="implementedOn" label="落实日期" rules={[{ required: true, message: '请选择落实日期' }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(serverNow(), 'day') || d.isBefore(dayjs(plan.madeOn), 'day')} />
        </Form.Item>
        <Form.Item name="evidenceNote" label="落实情况（佐证说明）" rules={[{ required: true, whitespace: true, message: '请填写落实情况说明（佐证）' }]}>
          <Input.TextArea rows={3} maxLength={1000} showCount placeholder="如：医疗救助已报销 3200 元，凭证已上传" />
        </Form.Item>
        <Form.Item label="佐证材料（照片、扫描件，可选）">
          <Upload multiple accept="image/jpeg,image/png,image/webp,application/pdf" beforeUpload={(f) => { setFiles((x) => [...x, f]); return false; }} onRemove={(f) => setFiles((x) => x.filter((y) => y.name !== f.name))}>
            <Button icon={<UploadOutlined />}>选择文件</Button>
          </Upload>
        </Form.Item>
      </Form>
    </Modal>
  );
}

function CancelDialog({ measure, onClose }: { measure: Measure; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const cancel = useCancelMeasure();
  const { errors, submit } = useFormSubmit(form, async (v) => {
    await cancel.mutateAsync({ id: measure.id, reason: v.reason.trim(), version: measure.version });
    message.success('措施已取消');
    onClose();
  });
  return (
    <Modal open title={`取消措施：${measure.measureLabel}`} okText="确定取消" okButtonProps={{ danger: true }} cancelText="返回" onOk={submit} onCancel={onClose} confirmLoading={cancel.isPending}>
      <FormErrors messages={errors} />
      <Form form={form} layout="vertical">
        <Form.Item name="reason" label="取消原因" rules={[{ required: true, whitespace: true, message: '请填写取消原因' }]}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function EditDialog({ measure, onClose }: { measure: Measure; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<MeasureFormValues>();
  const update = useUpdateMeasure();
  const { errors, submit } = useFormSubmit(form, async (v) => {
    const m = toMeasureInput(v);
    await update.mutateAsync({ id: measure.id, departmentCode: m.departmentCode, amount: m.amount, plannedOn: m.plannedOn, content: m.content, version: measure.version });
    message.success('措施已修改');
    onClose();
  });
  return (
    <Modal open title={`修改措施：${measure.measureLabel}`} okText="保存" cancelText="取消" onOk={submit} onCancel={onClose} confirmLoading={update.isPending}>
      <FormErrors messages={errors} />
      <Form form={form} layout="vertical" initialValues={{ measureCode: measure.measureCode, departmentCode: measure.departmentCode, amount: measure.amount, plannedOn: dayjs(measure.plannedOn), content: measure.content }}>
        <MeasureFields form={form} name={[]} codeEditable={false} />
      </Form>
    </Modal>
  );
}

function AddDialog({ planId, onClose }: { planId: number; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<MeasureFormValues>();
  const add = useAddMeasure(planId);
  const { errors, submit } = useFormSubmit(form, async (v) => {
    await add.mutateAsync(toMeasureInput(v));
    message.success('已增加措施');
    onClose();
  });
  return (
    <Modal open title="增加帮扶措施" okText="保存" cancelText="取消" onOk={submit} onCancel={onClose} confirmLoading={add.isPending}>
      <FormErrors messages={errors} />
      <Form form={form} layout="vertical" initialValues={{ plannedOn: serverNow().add(30, 'day') }}>
        <MeasureFields form={form} name={[]} />
      </Form>
    </Modal>
  );
}

function FilesDialog({ measure, onClose }: { measure: Measure; onClose: () => void }) {
  const files = useMeasureAttachments(measure.id);
  return (
    <Modal open title={`佐证材料：${measure.measureLabel}`} footer={null} onCancel={onClose}>
      {files.isError && <QueryError error={files.error} onRetry={() => files.refetch()} />}
      <AttachmentList
        items={files.data?.items ?? []}
        loading={files.isPending}
        upload={measure.status !== 'cancelled' && (measure.canImplement || measure.canEdit)
          ? { path: `/help-measures/${measure.id}/attachments`, label: '上传佐证（JPEG/PNG/WebP/PDF）', onUploaded: () => files.refetch() }
          : undefined}
      />
    </Modal>
  );
}
