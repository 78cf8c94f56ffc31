/** The records behind a score line: each as a type label and its label/id, linked where a page shows it. */
import { Space, Tag } from 'antd';
import { Link } from 'react-router-dom';
import type { FactRef } from './types';

const REF_TYPE_LABELS: Record<string, string> = {
  self_check: '月度自查',
  township_ranking: '乡镇评分排名',
  rectification: '整改事项',
  coop_task: '交办任务',
  coop_case: '协同处置',
  meeting: '例会',
  submission_request: '资料报送',
  warning_credit: '预警信息',
  manual_score_item: '手工评分',
};

type Ref = FactRef;

/** A record links to its page, or to the page of the record it lives in (a task → its case, a problem → its self-check). */
function hrefOf(ref: Ref): string | null {
  if (ref.parent) return hrefOf({ type: ref.parent.type, id: ref.parent.id });
  switch (ref.type) {
    case 'self_check':
      return `/linkage/self-checks/${ref.id}`;
    case 'meeting':
      return `/linkage/meetings/${ref.id}`;
    case 'coop_case':
      return `/linkage/coop-cases/${ref.id}`;
    default:
      return null;
  }
}

export function ScoreRefs({ refs }: { refs: FactRef[] }) {
  if (!refs.length) return <span style={{ color: '#999' }}>无对应记录（按应报未报计）</span>;
  return (
    <Space orientation="vertical" size={2}>
      {refs.map((ref) => {
        const r = ref as Ref;
        const text = r.label ?? `#${r.id}`;
        const href = hrefOf(r);
        return (
          <span key={`${r.type}-${r.id}`}>
            <Tag>{REF_TYPE_LABELS[r.type] ?? r.type}</Tag>
            {href ? <Link to={href}>{text}</Link> : <span>{text}</span>}
          </span>
        );
      })}
    </Space>
  );
}
