/**
 * 发布 a draft ranking. The first version of a quarter publishes plainly; publishing a new version over a published
 * one is refused by the server (409 reason_required) until a reason is given: its message is shown and the reason asked.
 */
import { Alert, App, Button, Form, Input, Modal, Popconfirm } from 'antd';
import { useState } from 'react';
import { ApiError, errorMessage } from '../../../api/client';
import { FormErrors } from '../../../components/form/FormErrors';
import { useFormSubmit } from '../../../components/form/useFormSubmit';
import { usePublishRanking } from './api';
import type { Ranking } from './types';

interface Props {
  ranking: Ranking;
  size?: 'small' | 'middle';
  type?: 'primary' | 'link';
}

export function PublishRankingButton({ ranking, size, type = 'primary' }: Props) {
  const { message } = App.useApp();
  const publish = usePublishRanking();
  const [form] = Form.useForm<{ reason: string }>();
  const [askReason, setAskReason] = useState<string | null>(null);

  const done = () => {
    message.success(`第${ranking.version}版排序已发布`);
    setAskReason(null);
  };

  const first = () =>
    publish.mutate(
      { id: ranking.id, reason: null },
      {
        onSuccess: done,
        onError: (e) => {
          if (e instanceof ApiError && e.status === 409 && e.code === 'reason_required') setAskReason(e.message);
          else message.error(errorMessage(e));
        },
      },
    );

  const { errors, submit: withReason } = useFormSubmit(form, async (v) => {
    await publish.mutateAsync({ id: ranking.id, reason: v.reason.trim() });
    done();
  });

  return (
    <>
      <Popconfirm title="发布后排序结果将冻结，确定发布？" okText="发布" onConfirm={first}>
        <Button type={type} size={size} loading={publish.isPending && !askReason} data-testid="ranking-publish">
          发布
        </Button>
      </Popconfirm>
      <Modal
        title="发布新版本排序"
        open={askReason !== null}
        okText="填写原因并发布"
        confirmLoading={publish.isPending}
        onOk={withReason}
        onCancel={() => setAskReason(null)}
        okButtonProps={{ 'data-testid': 'ranking-publish-reason-submit' }}
        destroyOnHidden
      >
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={askReason} />
        <FormErrors messages={errors} />
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="reason" label="重新发布原因" rules={[{ required: true, whitespace: true, message: '请填写重新发布原因' }]}>
            <Input.TextArea rows={3} maxLength={1000} showCount data-testid="ranking-publish-reason" placeholder="如：核查结果更正、补录手工评分项等" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
