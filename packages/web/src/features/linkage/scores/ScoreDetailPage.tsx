/** One department's quarter score explained item by item: base 100, each line with its records, evaluations. */
import { Card, Descriptions, Result, Space, Spin, Table, Tag, Typography } from 'antd';
import { useParams } from 'react-router-dom';
import { QueryError } from '../../../components/QueryError';
import { formatDate, formatDateTime, orDash } from '../../../lib/format';
import { DepartmentClassTag } from '../shared/DepartmentClassTag';
import { PageTitle } from '../shared/PageTitle';
import { QuarterPicker } from '../shared/QuarterPicker';
import { formatPoints, formatScore, pointsColor } from '../shared/scoreFormat';
import { quarterLabel } from '../shared/scoringDomain';
import { useQuarterParam } from '../shared/useQuarterParam';
import { useScoreDetail } from './api';
import { EVALUATION_KIND_LABELS } from './EvaluationsTab';
import { ScoreLinesTable } from './ScoreLinesTable';
import type { Evaluation } from './types';

export default function ScoreDetailPage() {
  const code = useParams().departmentCode ?? '';
  const [quarter, setQuarter] = useQuarterParam();
  const detail = useScoreDetail(code, quarter);

  if (!code) return <Result status="404" title="部门不存在" />;
  const score = detail.data?.score;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <PageTitle
          backTo={`/linkage/scores?year=${quarter.year}&quarter=${quarter.quarter}`}
          title={`得分明细 · ${score?.departmentName ?? code}`}
          extra={<QuarterPicker value={quarter} onChange={setQuarter} />}
        />
        {detail.isPending && <Spin style={{ display: 'block', margin: '40px auto' }} />}
        {detail.isError && <QueryError error={detail.error} onRetry={() => detail.refetch()} />}
        {score && (
          <Descriptions bordered size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
            <Descriptions.Item label="部门">{score.departmentName}</Descriptions.Item>
            <Descriptions.Item label="类别"><DepartmentClassTag cls={score.class} /></Descriptions.Item>
            <Descriptions.Item label="季度">{quarterLabel(quarter)}（计算日期 {formatDate(detail.data?.asOf)}）</Descriptions.Item>
            <Descriptions.Item label="基础分">{formatScore(score.base)}</Descriptions.Item>
            <Descriptions.Item label="扣分"><span style={{ color: pointsColor(score.deductions) }}>{formatPoints(score.deductions)}</span></Descriptions.Item>
            <Descriptions.Item label="加分"><span style={{ color: pointsColor(score.additions) }}>{formatPoints(score.additions)}</span></Descriptions.Item>
            <Descriptions.Item label="办公室评分（暂估）">
              <Typography.Text strong style={{ fontSize: 18 }} data-testid="score-total">{formatScore(score.total)}</Typography.Text>
            </Descriptions.Item>
          </Descriptions>
        )}
      </Card>
      {score && (
        <Card title="逐项说明">
          <ScoreLinesTable lines={score.lines} base={score.base} total={score.total} />
        </Card>
      )}
      {detail.data && (
        <Card title="延伸评价 / 外部评价">
          <Table<Evaluation>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={detail.data.evaluations}
            locale={{ emptyText: '本季度未录入' }}
            columns={[
              { title: '类型', dataIndex: 'kind', width: 160, render: (k: Evaluation['kind']) => <Tag>{EVALUATION_KIND_LABELS[k] ?? k}</Tag> },
              { title: '评价得分', dataIndex: 'score', width: 100, render: formatScore },
              { title: '来源', dataIndex: 'source', render: orDash },
              { title: '更新时间', dataIndex: 'updatedAt', width: 180, render: formatDateTime },
            ]}
          />
        </Card>
      )}
    </Space>
  );
}
