/** Fields of a case shared by 新建 and 编辑: title, description, subject, and the kind's own details. */
import { Form, Input, Select } from 'antd';
import type { CoopCaseKind } from '../shared/linkageDomain';
import type { CaseDetails } from './types';

/** A list of lines edited in one text area (one item per line). */
const linesProps = {
  getValueProps: (v: string[] | undefined) => ({ value: (v ?? []).join('\n') }),
  normalize: (text: string) => text.split('\n'),
};

/** Form values → API details: trimmed, blank lines dropped. */
export function cleanDetails(kind: CoopCaseKind, d: CaseDetails | undefined): CaseDetails {
  const list = (a: string[] | undefined) => (a ?? []).map((s) => s.trim()).filter(Boolean);
  if (kind === 'consultation') return { participants: list(d?.participants), minutes: d?.minutes?.trim() ?? '', decisions: list(d?.decisions) };
  if (kind === 'joint_handling') return { team: list(d?.team), findings: d?.findings?.trim() ?? '', actions: list(d?.actions) };
  return {};
}

const peopleSelect = (placeholder: string) => <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', '，', '、']} placeholder={placeholder} />;

export function CaseDetailsFields({ kind }: { kind: CoopCaseKind | undefined }) {
  if (kind === 'consultation') {
    return (
      <>
        <Form.Item name={['details', 'participants']} label="参会人员" extra="输入后按回车添加">
          {peopleSelect('如 县医保局 李某、县民政局 王某')}
        </Form.Item>
        <Form.Item name={['details', 'minutes']} label="会商纪要">
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={10000} />
        </Form.Item>
        <Form.Item name={['details', 'decisions']} label="会商决定" extra="每行一条" {...linesProps}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
        </Form.Item>
      </>
    );
  }
  if (kind === 'joint_handling') {
    return (
      <>
        <Form.Item name={['details', 'team']} label="现场处置人员" extra="输入后按回车添加">
          {peopleSelect('如 县住建局 张某')}
        </Form.Item>
        <Form.Item name={['details', 'findings']} label="核查情况">
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={10000} />
        </Form.Item>
        <Form.Item name={['details', 'actions']} label="处置措施" extra="每行一条" {...linesProps}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
        </Form.Item>
      </>
    );
  }
  return null;
}

export function CaseFields() {
  return (
    <>
      <Form.Item name="title" label="事项标题" rules={[{ required: true, whitespace: true, message: '请填写事项标题' }]}>
        <Input maxLength={200} data-testid="coop-case-title" />
      </Form.Item>
      <Form.Item name="description" label="情况描述">
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={4000} />
      </Form.Item>
      <Form.Item name="subject" label="处置对象" extra="如涉及的农户、村组或企业（选填）">
        <Input maxLength={200} />
      </Form.Item>
    </>
  );
}
