/**
 * One warning hit's "why flagged", by source: 信息比对 (rule + version, file and row, each triggering value with the
 * threshold or condition it met, the explanation text), 部门即时推送, 农户自主申报 (一码通) and 排查走访. The
 * explanation is stored as JSON by the server; unknown or older shapes fall back to their readable fields.
 */
import { Descriptions, Space, Table, Tag, Typography } from 'antd';
import { formatDateTime } from '../../lib/format';
import { useCodeLabel } from '../reference/useCodes';
import type { WarningHit } from './types';

const HIT_TYPES: Record<string, string> = { comparison_row: '信息比对', instant: '部门即时推送', self_report: '农户自主申报', screening_visit: '排查走访' };
const OP_SYMBOLS: Record<string, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '==': '=', '!=': '≠', in: '属于', not_in: '不属于' };
const MATCHED_IN: Record<string, string> = { registry: '农户台账（证件号码匹配）', roster: '农村人口底册（证件号码匹配）' };
const DECISIONS: Record<string, string> = { create: '新建预警', attach: '并入该人员同一规则的未办结预警' };
/** Readable fields of older or unknown explanation shapes. */
const FALLBACK_LABELS: Record<string, string> = {
  summary: '说明', text: '说明', rule: '规则', ruleLabel: '规则', version: '规则版本', department: '数据部门', pushedBy: '推送人', matchedBy: '对象匹配',
  description: '情况说明', values: '触发数据',
};

type Scalar = string | number | boolean;
interface Trigger { field?: string; label?: string; op?: string; actual?: Scalar; expected?: Scalar | Scalar[]; text?: string }

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : typeof v === 'number' ? String(v) : null);
const strList = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

function formatScalar(v: unknown): string {
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'number') return v.toLocaleString('zh-CN', { maximumFractionDigits: 2 });
  if (Array.isArray(v)) return v.map(formatScalar).join('、');
  return v === null || v === undefined ? '—' : String(v);
}

function TriggersTable({ triggers }: { triggers: Trigger[] }) {
  return (
    <Table<Trigger & { key: number }> size="small" pagination={false} bordered data-testid="hit-triggers"
      dataSource={triggers.map((t, i) => ({ ...t, key: i }))}
      columns={[
        { title: '触发字段', dataIndex: 'label', render: (v: string | undefined, t) => v ?? t.field ?? '—' },
        { title: '文件中的值', dataIndex: 'actual', render: (v: unknown) => <Typography.Text strong>{formatScalar(v)}</Typography.Text> },
        { title: '阈值 / 条件', render: (_, t) => `${OP_SYMBOLS[t.op ?? ''] ?? t.op ?? ''} ${formatScalar(t.expected)}`.trim() },
      ]} />
  );
}

function ComparisonExplanation({ h, e }: { h: WarningHit; e: Record<string, unknown> }) {
  const triggers = (Array.isArray(e.triggers) ? e.triggers : []) as Trigger[];
  const file = (e.file && typeof e.file === 'object' ? e.file : {}) as { name?: string; sha256?: string };
  const fileName = str(file.name) ?? h.sourceFile;
  const rowNumber = typeof e.rowNumber === 'number' ? e.rowNumber : h.sourceRow;
  const ruleCode = str(e.ruleCode) ?? h.ruleCode;
  const ruleVersion = typeof e.ruleVersion === 'number' ? e.ruleVersion : h.ruleVersion;
  const items = [
    { key: 'rule', label: '比对规则', children: <span>{str(e.ruleLabel) ?? '—'}{str(e.familyLabel) ? `（${e.familyLabel as string}数据）` : ''}</span> },
    { key: 'code', label: '规则编号与版本', children: ruleCode ? `${ruleCode} v${ruleVersion ?? '—'}` : '—' },
    { key: 'file', label: '数据文件', children: fileName ? `${fileName}${rowNumber ? `，第 ${rowNumber} 行` : ''}` : '—' },
    ...(str(e.nameInFile) ? [{ key: 'name', label: '文件中的姓名', children: e.nameInFile as string }] : []),
    ...(str(e.groupLabel) ? [{ key: 'group', label: '对象类别', children: e.groupLabel as string }] : []),
    ...(str(e.matchedIn) ? [{ key: 'matched', label: '匹配来源', children: MATCHED_IN[e.matchedIn as string] ?? (e.matchedIn as string) }] : []),
    ...(str(e.decision) ? [{ key: 'decision', label: '处理', children: DECISIONS[e.decision as string] ?? (e.decision as string) }] : []),
  ];
  return (
    <Space direction="vertical" size={8} style={{ width: '100%' }}>
      {str(e.text) && <Typography.Paragraph style={{ marginBottom: 0 }} data-testid="hit-text">{e.text as string}</Typography.Paragraph>}
      {triggers.length > 0 && <TriggersTable triggers={triggers} />}
      <Descriptions size="small" column={1} items={items} />
    </Space>
  );
}

function InstantExplanation({ e }: { e: Record<string, unknown> }) {
  const codeLabel = useCodeLabel();
  const risks = strList(e.riskTypes).map((r) => codeLabel('riskType', r));
  const items = [
    ...(str(e.summary) ? [{ key: 'summary', label: '说明', children: e.summary as string }] : []),
    ...(str(e.pushedBy) ? [{ key: 'by', label: '推送人', children: e.pushedBy as string }] : []),
    ...(risks.length ? [{ key: 'risks', label: '风险类型', children: risks.join('、') }] : []),
    ...(str(e.matchedBy) ? [{ key: 'matched', label: '对象匹配', children: e.matchedBy as string }] : []),
    ...(str(e.description) ? [{ key: 'desc', label: '情况说明', children: e.description as string }] : []),
  ];
  return <Descriptions size="small" column={1} items={items} />;
}

function SelfReportExplanation({ e }: { e: Record<string, unknown> }) {
  const items = [
    { key: 'via', label: '申报渠道', children: str(e.via) ?? '一码通' },
    { key: 'hardships', label: '申报的困难', children: strList(e.hardships).join('、') || '—' },
    ...(typeof e.photoCount === 'number' ? [{ key: 'photos', label: '照片', children: `${e.photoCount} 张` }] : []),
    ...(typeof e.contactLeft === 'boolean' ? [{ key: 'contact', label: '留有联系电话', children: e.contactLeft ? '是' : '否' }] : []),
    ...(str(e.submittedAt) ? [{ key: 'at', label: '提交时间', children: formatDateTime(e.submittedAt as string) }] : []),
  ];
  return <Descriptions size="small" column={1} items={items} />;
}

function ScreeningExplanation({ e }: { e: Record<string, unknown> }) {
  const items = [
    ...(str(e.round) ? [{ key: 'round', label: '排查轮次', children: e.round as string }] : []),
    ...(str(e.visitedOn) ? [{ key: 'on', label: '走访日期', children: e.visitedOn as string }] : []),
    ...(str(e.visitor) ? [{ key: 'visitor', label: '走访人', children: e.visitor as string }] : []),
    { key: 'risks', label: '发现的风险', children: strList(e.riskTypes).join('、') || '—' },
    ...(str(e.note) ? [{ key: 'note', label: '走访情况', children: e.note as string }] : []),
  ];
  return <Descriptions size="small" column={1} items={items} />;
}

function FallbackExplanation({ e }: { e: Record<string, unknown> }) {
  const items = Object.entries(e)
    .filter(([k, v]) => FALLBACK_LABELS[k] && v !== null && v !== undefined && v !== '')
    .map(([k, v]) => ({ key: k, label: FALLBACK_LABELS[k], children: typeof v === 'object' ? formatScalar(v) : String(v) }));
  return items.length ? <Descriptions size="small" column={1} items={items} /> : <Typography.Text type="secondary">无更多说明</Typography.Text>;
}

export function HitExplanation({ h }: { h: WarningHit }) {
  const e = h.explanation ?? {};
  const isRealComparison = h.sourceType === 'comparison_row' && (Array.isArray(e.triggers) || typeof e.text === 'string');
  const ruleCode = h.ruleCode ?? str(e.ruleCode);
  const ruleVersion = h.ruleVersion ?? (typeof e.ruleVersion === 'number' ? e.ruleVersion : null);
  return (
    <div style={{ width: '100%' }} data-testid="hit-explanation">
      <Space wrap style={{ marginBottom: 8 }}>
        <Tag color="blue">{HIT_TYPES[h.sourceType] ?? h.sourceType}</Tag>
        {ruleCode && <Tag>规则 {ruleCode}{ruleVersion ? ` v${ruleVersion}` : ''}</Tag>}
        {h.sourceFile && <Typography.Text type="secondary">文件 {h.sourceFile}{h.sourceRow ? ` 第 ${h.sourceRow} 行` : ''}</Typography.Text>}
        <Typography.Text type="secondary">{formatDateTime(h.createdAt)}</Typography.Text>
      </Space>
      {isRealComparison ? <ComparisonExplanation h={h} e={e} />
        : h.sourceType === 'instant' ? <InstantExplanation e={e} />
          : h.sourceType === 'self_report' ? <SelfReportExplanation e={e} />
            : h.sourceType === 'screening_visit' ? <ScreeningExplanation e={e} />
              : <FallbackExplanation e={e} />}
    </div>
  );
}
