/** The frame shared by the create and edit pages: title, back link, server messages, submit bar. */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';

interface Props {
  title: string;
  backTo: string;
  messages: string[];
  submitting: boolean;
  onSubmit: () => void;
  /** Shown under the messages, e.g. a button to load the latest data after a version conflict. */
  messageAction?: ReactNode;
  children: ReactNode;
}

export function FormPage({ title, backTo, messages, submitting, onSubmit, messageAction, children }: Props) {
  const navigate = useNavigate();
  return (
    <Card>
      <Flex align="center" gap={8} style={{ marginBottom: 16 }}>
        <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate(backTo)} aria-label="返回" />
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
      </Flex>
      {messages.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={messages.length === 1 ? messages[0] : '提交未成功'}
          description={messages.length > 1 ? <ul style={{ margin: 0, paddingInlineStart: 20 }}>{messages.map((m, i) => <li key={i}>{m}</li>)}</ul> : undefined}
          action={messageAction}
        />
      )}
      {children}
      <Space style={{ marginTop: 24 }}>
        <Button type="primary" loading={submitting} onClick={onSubmit}>
          保存
        </Button>
        <Button onClick={() => navigate(backTo)}>取消</Button>
      </Space>
    </Card>
  );
}
