import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';

interface Props {
  title: ReactNode;
  /** Buttons shown at the right. */
  extra?: ReactNode;
  /** Where the back arrow goes when the page was opened directly (otherwise: browser back). */
  backTo?: string;
}

/** The heading row of a linkage page: optional back arrow, title, actions. */
export function PageTitle({ title, extra, backTo }: Props) {
  const navigate = useNavigate();
  const back = () => ((window.history.state as { idx?: number } | null)?.idx ? navigate(-1) : backTo && navigate(backTo));
  return (
    <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
      <Flex align="center" gap={8}>
        {backTo && <Button type="text" icon={<ArrowLeftOutlined />} onClick={back} aria-label="返回" />}
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
      </Flex>
      {extra}
    </Flex>
  );
}
