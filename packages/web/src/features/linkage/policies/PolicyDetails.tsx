import { Descriptions, Typography } from 'antd';
import { formatDateTime } from '../../../lib/format';
import type { Policy } from './types';

/** The expanded row of a policy: its summary, original link, attachment and who added it. */
export function PolicyDetails({ policy }: { policy: Policy }) {
  return (
    <Descriptions size="small" column={1} style={{ maxWidth: 1100 }}>
      <Descriptions.Item label="内容摘要">
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{policy.summary}</Typography.Paragraph>
      </Descriptions.Item>
      <Descriptions.Item label="原文链接">
        {policy.link ? (
          <a href={policy.link} target="_blank" rel="noopener noreferrer">
            {policy.link}
          </a>
        ) : (
          '—'
        )}
      </Descriptions.Item>
      <Descriptions.Item label="附件">{policy.attachmentName ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="入库">
        {formatDateTime(policy.publishedAt)}（{policy.addedBy}）
      </Descriptions.Item>
    </Descriptions>
  );
}
