import { Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { MaskedId } from '../../../components/MaskedId';
import { formatDate } from '../../../lib/format';
import { useCodeLabel } from '../../reference/useCodes';
import { SEX_LABELS } from '../labels';
import type { Person } from '../types';

function insuranceTags(p: Person) {
  const tags = [
    p.residentMedicalInsurance && '居民医保',
    p.employeeMedicalInsurance && '职工医保',
    p.criticalIllnessInsurance && '大病保险',
  ].filter(Boolean) as string[];
  if (tags.length === 0) return <Tag color="red">未参保</Tag>;
  return tags.map((t) => <Tag key={t}>{t}</Tag>);
}

export function MembersTable({ members, canReveal }: { members: Person[]; canReveal: boolean }) {
  const label = useCodeLabel();
  const columns: ColumnsType<Person> = [
    { title: '姓名', dataIndex: 'name', width: 90 },
    { title: '性别', dataIndex: 'sex', width: 60, render: (v: string) => SEX_LABELS[v] ?? v },
    {
      title: '证件号码',
      dataIndex: 'idNumber',
      width: 250,
      render: (v: string, p) => <MaskedId personId={p.id} masked={v} allowed={canReveal} />,
    },
    { title: '与户主关系', dataIndex: 'relation', width: 100, render: (v: string) => label('relation', v) },
    { title: '出生日期', dataIndex: 'birthDate', width: 110, render: formatDate },
    {
      title: '健康',
      dataIndex: 'health',
      width: 150,
      render: (v: string, p) =>
        v === 'disabled' && p.disabilityCategory
          ? `${label('health', v)}（${label('disabilityCategory', p.disabilityCategory)}${label('disabilityGrade', p.disabilityGrade)}）`
          : label('health', v),
    },
    { title: '劳动技能', dataIndex: 'labourSkill', width: 130, render: (v: string) => label('labourSkill', v) },
    {
      title: '务工',
      dataIndex: 'workLocation',
      width: 120,
      render: (v: string, p) => (v && v !== 'none' ? `${label('workLocation', v)} ${p.workMonths}个月` : label('workLocation', v)),
    },
    { title: '在校生状况', dataIndex: 'schoolStatus', width: 120, render: (v: string) => label('schoolStatus', v) },
    { title: '医保', key: 'insurance', render: (_, p) => insuranceTags(p) },
  ];
  return <Table<Person> rowKey="id" size="small" columns={columns} dataSource={members} pagination={false} scroll={{ x: 1200 }} />;
}
