import { SendOutlined } from '@ant-design/icons';
import { App, Button, Flex, Form, Input, InputNumber, Popconfirm, Table } from 'antd';
import { FormErrors } from '../../../components/form/FormErrors';
import { useFormSubmit } from '../../../components/form/useFormSubmit';
import { monthLabel } from '../shared/months';
import { useSubmitTownshipRanking } from './api';
import type { Township } from './useTownships';

interface Values {
  items: { townshipCode: string; score?: number | null; remark?: string }[];
}

/** A 紧密型 department scores every township of the county for a month; ranks are computed by the server. */
export function TownshipScoreForm({ month, townships }: { month: string; townships: Township[] }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const submit = useSubmitTownshipRanking();

  const { errors, submit: onSubmit } = useFormSubmit(form, async (v) => {
    await submit.mutateAsync({
      month,
      items: v.items.map((i) => ({ townshipCode: i.townshipCode, score: Number(i.score), remark: i.remark?.trim() || null })),
    });
    message.success(`${monthLabel(month)}乡镇评分排名已报送`);
  });

  return (
    <Form form={form} initialValues={{ items: townships.map((t) => ({ townshipCode: t.code })) }}>
      <FormErrors messages={errors} />
      <Table<Township>
        rowKey="code"
        size="small"
        pagination={false}
        dataSource={townships}
        data-testid="township-score-form"
        columns={[
          { title: '序号', key: 'index', width: 64, render: (_, __, i) => i + 1 },
          { title: '乡镇', dataIndex: 'name', width: 160 },
          {
            title: '评分',
            key: 'score',
            width: 180,
            render: (_, __, i) => (
              <>
                <Form.Item name={['items', i, 'townshipCode']} hidden>
                  <Input />
                </Form.Item>
                <Form.Item name={['items', i, 'score']} style={{ margin: 0 }} rules={[{ required: true, message: '请填写评分' }]}>
                  <InputNumber min={0} max={1000} precision={2} style={{ width: 140 }} placeholder="0–1000" />
                </Form.Item>
              </>
            ),
          },
          {
            title: '备注',
            key: 'remark',
            render: (_, __, i) => (
              <Form.Item name={['items', i, 'remark']} style={{ margin: 0 }}>
                <Input maxLength={200} placeholder="评分依据、主要问题等（选填）" />
              </Form.Item>
            ),
          },
        ]}
      />
      <Flex justify="end" style={{ marginTop: 16 }}>
        <Popconfirm title="报送乡镇评分排名？" description="每月只能报送一次，报送后不能修改。" okText="报送" onConfirm={onSubmit}>
          <Button type="primary" icon={<SendOutlined />} loading={submit.isPending} data-testid="township-ranking-submit">
            报送评分排名
          </Button>
        </Popconfirm>
      </Flex>
    </Form>
  );
}
