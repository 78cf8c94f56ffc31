/** A masked value (ID number, phone) with a 显示 button that fetches it whole; each reveal is audited by the server. */
import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { App, Button, Space, Tooltip } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../api/client';

interface Props {
  masked: string | null | undefined;
  canReveal: boolean;
  reveal: () => Promise<string>;
  testId?: string;
}

export function RevealableText({ masked, canReveal, reveal, testId }: Props) {
  const { message } = App.useApp();
  const [whole, setWhole] = useState<string | null>(null);
  const [shown, setShown] = useState(false);
  const [loading, setLoading] = useState(false);

  if (!masked) return <span data-testid={testId}>—</span>;

  const onShow = async () => {
    if (whole) return setShown(true);
    setLoading(true);
    try {
      setWhole(await reveal());
      setShown(true);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setLoading(false);
    }
  };

  return (
    <Space size={4}>
      <span data-testid={testId} style={{ fontFamily: 'monospace' }}>
        {shown && whole ? whole : masked}
      </span>
      {canReveal &&
        (shown ? (
          <Tooltip title="隐藏">
            <Button size="small" type="link" icon={<EyeInvisibleOutlined />} onClick={() => setShown(false)} aria-label="隐藏" />
          </Tooltip>
        ) : (
          <Button size="small" type="link" icon={<EyeOutlined />} loading={loading} onClick={onShow}>
            显示
          </Button>
        ))}
    </Space>
  );
}
