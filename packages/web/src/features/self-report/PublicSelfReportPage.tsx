/** 一码通: the farmer's page behind the household QR code — no login, mobile first, submit in under a minute. */
import { Alert, Button, Checkbox, Form, Input, Result, Spin, Tag, Typography, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError, errorMessage } from '../../api/client';
import { submitSelfReport, usePublicView } from './api';

const STATUS_COLORS: Record<string, string> = { submitted: 'blue', verifying: 'orange', included: 'green', not_included: 'default', merged: 'default' };
const MAX_PHOTOS = 3;

interface Values { hardships: string[]; description: string; phone?: string }

export default function PublicSelfReportPage() {
  const { code = '' } = useParams();
  const view = usePublicView(code);
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [photos, setPhotos] = useState<UploadFile[]>([]);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const submit = async () => {
    setError(null);
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setSending(true);
    try {
      const r = await submitSelfReport(code, { ...values, photos: photos.map((p) => p.originFileObj as File).filter(Boolean) });
      setDone(r.statusLabel);
      form.resetFields();
      setPhotos([]);
      await qc.invalidateQueries({ queryKey: ['public-self-report', code] });
    } catch (e) {
      if (e instanceof ApiError && e.fields.length) {
        form.setFields(e.fields.filter((f) => ['hardships', 'description', 'phone'].includes(f.field)).map((f) => ({ name: f.field as keyof Values, errors: [f.message] })));
      }
      setError(errorMessage(e));
    } finally {
      setSending(false);
    }
  };

  if (view.isPending) return <div style={{ textAlign: 'center', padding: 48 }}><Spin /></div>;
  if (view.isError) {
    const notFound = view.error instanceof ApiError && view.error.status === 404;
    return <Result status={notFound ? '404' : 'error'} title={notFound ? '没有找到这个二维码' : '页面暂时打不开'} subTitle={errorMessage(view.error)} />;
  }
  const v = view.data;
  return (
    <div style={{ maxWidth: 480, margin: '0 auto', padding: '16px 14px 40px', fontSize: 16 }}>
      <Typography.Title level={3} style={{ marginBottom: 4 }}>困难申报</Typography.Title>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 16 }}>
        {v.villageName} · 防止返贫监测“一码通”。家里遇到困难可以在这里告诉村里，村干部会尽快上门了解情况。
      </Typography.Paragraph>

      {done && <Alert type="success" showIcon title={`${done}：村里已收到您的申报，会尽快和您联系`} style={{ marginBottom: 16 }} data-testid="self-report-done" />}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}

      <Form form={form} layout="vertical" requiredMark={false} disabled={sending}>
        <Form.Item name="hardships" label="遇到了什么困难？（可多选）" rules={[{ required: true, message: '请至少选择一项困难类型' }]}>
          <Checkbox.Group style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 10 }}
            options={v.hardships.map((h) => ({ value: h.value, label: <span data-testid={`hardship-${h.value}`}>{h.label}</span> }))} />
        </Form.Item>
        <Form.Item name="description" label="简单说说情况" rules={[{ required: true, whitespace: true, message: '请简单描述遇到的困难' }, { max: 500, message: '情况说明不能超过500字' }]}>
          <Input.TextArea rows={4} maxLength={500} showCount placeholder="例如：父亲住院，花了多少钱，家里现在的困难" data-testid="self-report-description" />
        </Form.Item>
        <Form.Item name="phone" label="联系电话（选填）" rules={[{ pattern: /^(1\d{10}|0\d{2,3}-?\d{7,8})$/, message: '联系电话格式不正确' }]}>
          <Input inputMode="tel" maxLength={13} placeholder="方便村干部联系您" />
        </Form.Item>
        <Form.Item label={`照片（选填，最多${MAX_PHOTOS}张）`}>
          <Upload listType="picture-card" accept="image/jpeg,image/png" fileList={photos} beforeUpload={() => false} maxCount={MAX_PHOTOS}
            onChange={({ fileList }) => setPhotos(fileList.slice(0, MAX_PHOTOS))}>
            {photos.length < MAX_PHOTOS && '+ 添加'}
          </Upload>
        </Form.Item>
        <Button type="primary" size="large" block loading={sending} onClick={submit} data-testid="self-report-submit">提交申报</Button>
      </Form>

      <Typography.Title level={5} style={{ marginTop: 28 }}>本户申报进度</Typography.Title>
      {v.reports.length === 0 ? (
        <Typography.Text type="secondary">还没有申报记录</Typography.Text>
      ) : (
        v.reports.map((r, i) => (
          <div key={i} style={{ borderTop: '1px solid #f0f0f0', padding: '10px 0' }} data-testid="self-report-history">
            <div style={{ display: 'flex', justifyContent: 'space-between' }}>
              <span>{r.submittedOn} · {r.hardships.join('、')}</span>
              <Tag color={STATUS_COLORS[r.status]}>{r.statusLabel}</Tag>
            </div>
            <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: '4px 0 0' }}>{r.description}</Typography.Paragraph>
          </div>
        ))
      )}
    </div>
  );
}
