import { CheckCircleFilled, CloseCircleFilled, MinusCircleOutlined } from '@ant-design/icons';
import { Alert, List, Typography } from 'antd';
import type { Evaluation } from './types';

/** Every criterion of risk elimination with pass / fail and its numbers (the system checks, people decide). */
export function EliminationCriteria({ evaluation, stabilityMonths }: { evaluation: Evaluation; stabilityMonths?: number }) {
  return (
    <>
      <Alert
        type={evaluation.eligible ? 'success' : 'warning'}
        showIcon
        title={evaluation.summary}
        description={stabilityMonths ? `收入稳定期：近 ${stabilityMonths} 个月（县联动办公室可在“办理时限设置”中调整）` : undefined}
        style={{ marginBottom: 12 }}
      />
      <List
        size="small"
        dataSource={evaluation.criteria}
        renderItem={(c) => (
          <List.Item>
            <List.Item.Meta
              avatar={c.passed ? <CheckCircleFilled style={{ color: '#389e0d' }} /> : c.required ? <CloseCircleFilled style={{ color: '#cf1322' }} /> : <MinusCircleOutlined style={{ color: '#8c8c8c' }} />}
              title={<span>{c.label}{!c.required && <Typography.Text type="secondary">（参考项）</Typography.Text>}</span>}
              description={c.detail}
            />
          </List.Item>
        )}
      />
    </>
  );
}
