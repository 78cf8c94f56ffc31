/**
 * 延伸评价 (县专班, 紧密型 departments) and 外部评价 (乡村振兴局: 省市后评估; 财政局: 资金绩效评估) of a quarter.
 * The office enters or changes them; an empty score removes one.
 */
import { Alert, App, Button, Popconfirm, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { errorMessage } from '../../../api/client';
import { useAuth } from '../../../app/auth';
import { QueryError } from '../../../components/QueryError';
import { formatDateTime, orDash } from '../../../lib/format';
import { DepartmentClassTag } from '../shared/DepartmentClassTag';
import { formatScore } from '../shared/scoreFormat';
import type { Quarter } from '../shared/scoringDomain';
import { useLinkageDepartments } from '../shared/useLinkageDepartments';
import { useEvaluations, usePutEvaluation } from './api';
import { EvaluationModal, type EvaluationTarget } from './EvaluationModal';
import type { Evaluation } from './types';
import { useDepartmentUser } from '../shared/useDepartmentUser';

/** Departments whose office score an external evaluation may replace (server: EXTERNAL_EVALUATION_DEPARTMENTS). */
const EXTERNAL_DEPARTMENTS = ['rural_revitalization', 'finance'];
export const EVALUATION_KIND_LABELS = { extension: '县专班延伸评价', external: '外部评价' } as const;

type Row = EvaluationTarget & { class: string; evaluation: Evaluation | undefined };

export function EvaluationsTab({ quarter }: { quarter: Quarter }) {
  const { can } = useAuth();
  const ownDepartment = useDepartmentUser();
  const { message } = App.useApp();
  const departments = useLinkageDepartments();
  const evaluations = useEvaluations(quarter);
  const put = usePutEvaluation();
  const [editing, setEditing] = useState<Row | null>(null);
  const manage = can('score:manage');

  const rows = useMemo<Row[]>(() => {
    const evals = evaluations.data ?? [];
    return (departments.data ?? [])
      .filter((d) => !ownDepartment || d.code === ownDepartment)
      .flatMap((d) => {
        const kinds = [...(d.class === 'close' ? (['extension'] as const) : []), ...(EXTERNAL_DEPARTMENTS.includes(d.code) ? (['external'] as const) : [])];
        return kinds.map((kind) => ({
          departmentCode: d.code,
          departmentName: d.name,
          class: d.class,
          kind,
          evaluation: evals.find((e) => e.departmentCode === d.code && e.kind === kind),
        }));
      });
  }, [departments.data, evaluations.data, ownDepartment]);

  const remove = (r: Row) =>
    put.mutate(
      { departmentCode: r.departmentCode, year: quarter.year, quarter: quarter.quarter, kind: r.kind, score: null },
      { onSuccess: () => message.success('已删除'), onError: (e) => message.error(errorMessage(e)) },
    );

  const columns: ColumnsType<Row> = [
    { title: '部门', dataIndex: 'departmentName', width: 160 },
    { title: '类别', dataIndex: 'class', width: 130, render: (c: string) => <DepartmentClassTag cls={c} /> },
    { title: '评价类型', dataIndex: 'kind', width: 140, render: (k: Row['kind']) => <Tag>{EVALUATION_KIND_LABELS[k]}</Tag> },
    { title: '评价得分', key: 'score', width: 100, render: (_, r) => (r.evaluation ? formatScore(r.evaluation.score) : <span style={{ color: '#999' }}>未录入</span>) },
    { title: '评价来源', key: 'source', render: (_, r) => orDash(r.evaluation?.source) },
    { title: '更新时间', key: 'updatedAt', width: 170, render: (_, r) => (r.evaluation ? formatDateTime(r.evaluation.updatedAt) : '—') },
    ...(manage
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 130,
            render: (_: unknown, r: Row) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setEditing(r)} data-testid="evaluation-edit">
                  {r.evaluation ? '修改' : '录入'}
                </Button>
                {r.evaluation && (
                  <Popconfirm title="删除该评价？" onConfirm={() => remove(r)}>
                    <Button type="link" size="small" danger>
                      删除
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title="紧密型部门的排序综合办公室评分与县专班延伸评价（权重见联动设置）；县乡村振兴局、县财政局录入外部评价后，以外部评价结果排序。"
      />
      {(departments.isError || evaluations.isError) && (
        <QueryError error={departments.error ?? evaluations.error} onRetry={() => Promise.all([departments.refetch(), evaluations.refetch()])} />
      )}
      <Table<Row>
        rowKey={(r) => `${r.departmentCode}-${r.kind}`}
        size="middle"
        columns={columns}
        dataSource={rows}
        loading={departments.isPending || evaluations.isFetching || put.isPending}
        pagination={false}
      />
      <EvaluationModal target={editing} quarter={quarter} current={editing?.evaluation} onClose={() => setEditing(null)} />
    </>
  );
}
