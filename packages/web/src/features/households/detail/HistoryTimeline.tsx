/** 变更记录: who changed what and when, each field as old → new with codes shown as labels. */
import { Empty, Spin, Timeline, Typography } from 'antd';
import type { CodeListName } from '../../../api/types';
import { QueryError } from '../../../components/QueryError';
import { formatDateTime } from '../../../lib/format';
import { findArea } from '../../reference/areaTree';
import { useAreaTree } from '../../reference/useAreaTree';
import { useCodeLabel } from '../../reference/useCodes';
import { useHouseholdHistory } from '../api';
import { ACTION_LABELS, ENTITY_LABELS, fieldCodeList, fieldLabel, SEX_LABELS } from '../labels';
import type { HistoryItem } from '../types';

const ACTION_COLORS: Record<string, string> = { create: 'green', update: 'blue', delete: 'red' };
/** Bookkeeping columns nobody needs to read in a change list. */
const HIDDEN = new Set(['id', 'version', 'createdAt', 'updatedAt', 'created_at', 'updated_at', 'householdId', 'household_id']);

function useValueText() {
  const label = useCodeLabel();
  const areas = useAreaTree().data;
  return (field: string, v: unknown): string => {
    if (v === null || v === undefined || v === '') return '（空）';
    if (field === 'villageCode' && typeof v === 'string') return findArea(areas, v)?.name ?? v;
    if (typeof v === 'boolean') return v ? '是' : '否';
    if (field === 'sex' && typeof v === 'string') return SEX_LABELS[v] ?? v;
    const list: CodeListName | undefined = fieldCodeList(field);
    if (Array.isArray(v)) return v.length ? v.map((x) => (list ? label(list, String(x)) : String(x))).join('、') : '（空）';
    if (list && (typeof v === 'string' || typeof v === 'number')) return label(list, v);
    if (typeof v === 'object') return JSON.stringify(v);
    return String(v);
  };
}

function subject(item: HistoryItem, personNames: Map<string, string>): string {
  if (item.entityType === 'income') return `（${item.entityId}年度）`;
  if (item.entityType === 'person') {
    const name = personNames.get(String(item.entityId)) ?? (item.changes?.name?.to as string | undefined) ?? (item.changes?.name?.from as string | undefined);
    return name ? `（${name}）` : '';
  }
  return '';
}

function Changes({ item }: { item: HistoryItem }) {
  const text = useValueText();
  const entries = Object.entries(item.changes ?? {}).filter(([f]) => !HIDDEN.has(f));
  if (entries.length === 0) return null;
  const list = (
    <ul style={{ margin: '4px 0 0', paddingInlineStart: 18 }}>
      {entries.map(([field, { from, to }]) => (
        <li key={field}>
          {fieldLabel(field)}：
          {item.action === 'update' && (
            <>
              <Typography.Text delete type="secondary">
                {text(field, from)}
              </Typography.Text>{' '}
              →{' '}
            </>
          )}
          <Typography.Text strong>{text(field, item.action === 'delete' ? from : to)}</Typography.Text>
        </li>
      ))}
    </ul>
  );
  if (item.action === 'update') return list;
  // a whole new or removed record: folded, it would otherwise fill the page
  return (
    <details>
      <summary style={{ cursor: 'pointer', color: '#1f6f43' }}>查看内容（{entries.length}项）</summary>
      {list}
    </details>
  );
}

/** `personNames` (person id → 姓名) names the member a person row is about. */
export function HistoryTimeline({ householdId, personNames }: { householdId: number; personNames: Map<string, string> }) {
  const history = useHouseholdHistory(householdId);
  if (history.isPending) return <Spin />;
  if (history.isError) return <QueryError error={history.error} onRetry={() => history.refetch()} />;
  if (history.data.length === 0) return <Empty description="暂无变更记录" />;

  return (
    <Timeline
      items={history.data.map((item, i) => ({
        key: `${item.at}-${i}`,
        color: ACTION_COLORS[item.action] ?? 'gray',
        content: (
          <div>
            <Typography.Text type="secondary">{formatDateTime(item.at)}</Typography.Text>
            <div>
              <b>{item.username ?? '系统'}</b> {ACTION_LABELS[item.action] ?? item.action}了{ENTITY_LABELS[item.entityType] ?? item.entityType}
              {subject(item, personNames)}
            </div>
            <Changes item={item} />
          </div>
        ),
      }))}
    />
  );
}
