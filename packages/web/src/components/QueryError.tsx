import { Alert, Button } from 'antd';
import { errorMessage } from '../api/client';

/** A failed query shown in place, with a retry. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <Alert
      type="error"
      showIcon
      title="加载失败"
      description={errorMessage(error)}
      action={onRetry && <Button size="small" onClick={onRetry}>重试</Button>}
      style={{ marginBottom: 16 }}
    />
  );
}
