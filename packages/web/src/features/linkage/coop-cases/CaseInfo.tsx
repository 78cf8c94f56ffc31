import { Descriptions, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { formatDate, orDash } from '../../../lib/format';
import { CASE_KIND_COLORS, CASE_STATUS_LABELS } from './labels';
import type { CaseHousehold, CoopCase } from './types';

const pre = (text: string | null | undefined) => (text ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{text}</Typography.Paragraph> : '—');
const list = (items: string[] | undefined) =>
  items?.length ? (
    <ol style={{ margin: 0, paddingInlineStart: 20 }}>
      {items.map((s, i) => (
        <li key={i}>{s}</li>
      ))}
    </ol>
  ) : (
    '—'
  );
const people = (items: string[] | undefined) => (items?.length ? items.map((p) => <Tag key={p}>{p}</Tag>) : '—');

/** The case's header facts, and the fields of its kind (联席会商: 参会人员/纪要/决定; 联合处置: 人员/核查/措施). */
export function CaseInfo({ coopCase: c, household }: { coopCase: CoopCase; household: CaseHousehold | null }) {
  return (
    <Descriptions size="small" bordered column={{ xs: 1, sm: 2, lg: 3 }}>
      <Descriptions.Item label="事项类型">
        <Tag color={CASE_KIND_COLORS[c.kind]}>{c.kindLabel}</Tag>
      </Descriptions.Item>
      <Descriptions.Item label="状态">
        <Tag color={c.status === 'open' ? 'orange' : 'green'}>{CASE_STATUS_LABELS[c.status]}</Tag>
      </Descriptions.Item>
      <Descriptions.Item label="立案日期">{formatDate(c.openedOn)}</Descriptions.Item>
      <Descriptions.Item label="立案人">{c.openedByName}</Descriptions.Item>
      <Descriptions.Item label="处置对象">
        {household ? (
          <Link to={`/households/${household.id}`}>
            {household.townshipName}
            {household.villageName} · {household.headName ?? '—'}（户编号 {household.householdNo}）
          </Link>
        ) : (
          orDash(c.subject)
        )}
      </Descriptions.Item>
      <Descriptions.Item label="办结日期">{formatDate(c.closedOn)}</Descriptions.Item>
      <Descriptions.Item label="情况描述" span="filled">
        {pre(c.description)}
      </Descriptions.Item>
      {c.kind === 'consultation' && (
        <>
          <Descriptions.Item label="参会人员" span="filled">
            {people(c.details.participants)}
          </Descriptions.Item>
          <Descriptions.Item label="会商纪要" span="filled">
            {pre(c.details.minutes)}
          </Descriptions.Item>
          <Descriptions.Item label="会商决定" span="filled">
            {list(c.details.decisions)}
          </Descriptions.Item>
        </>
      )}
      {c.kind === 'joint_handling' && (
        <>
          <Descriptions.Item label="现场处置人员" span="filled">
            {people(c.details.team)}
          </Descriptions.Item>
          <Descriptions.Item label="核查情况" span="filled">
            {pre(c.details.findings)}
          </Descriptions.Item>
          <Descriptions.Item label="处置措施" span="filled">
            {list(c.details.actions)}
          </Descriptions.Item>
        </>
      )}
      {c.status === 'closed' && (
        <Descriptions.Item label="办结说明" span="filled">
          {pre(c.closeNote)}
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}
