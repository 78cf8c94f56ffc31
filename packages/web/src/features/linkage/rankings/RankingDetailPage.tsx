/** One quarter ranking version: per class rank, final score and basis, each department's score explained. */
import { ReloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Result, Space, Spin } from 'antd';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { errorMessage } from '../../../api/client';
import { useAuth } from '../../../app/auth';
import { QueryError } from '../../../components/QueryError';
import { formatDate, formatDateTime, orDash } from '../../../lib/format';
import { CLASS_ORDER, classLabel } from '../shared/DepartmentClassTag';
import { PageTitle } from '../shared/PageTitle';
import { isQuarterNo } from '../shared/quarters';
import { useComputeRanking, useRanking } from './api';
import { CreateNoticeButton } from '../notices/CreateNoticeButton';
import { PublishRankingButton } from './PublishRankingButton';
import { RankingClassTable } from './RankingClassTable';
import { rankingTitle } from './RankingListTab';
import { RankingStatusTag } from './RankingStatusTag';

export default function RankingDetailPage() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const { can } = useAuth();
  const { message } = App.useApp();
  const detail = useRanking(id);
  const compute = useComputeRanking();

  if (!Number.isInteger(id) || id <= 0) return <Result status="404" title="排序不存在" />;
  if (detail.isPending) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  if (detail.isError) return <QueryError error={detail.error} onRetry={() => detail.refetch()} />;

  const { ranking, entries, explanation } = detail.data;
  const manage = can('ranking:manage');

  const recompute = () => {
    if (!isQuarterNo(ranking.quarter)) return;
    compute.mutate(
      { year: ranking.year, quarter: ranking.quarter },
      {
        onSuccess: ({ ranking: r }) => {
          message.success(r.id === ranking.id ? '草稿已重新计算' : `已生成第${r.version}版草稿`);
          if (r.id !== ranking.id) navigate(`/linkage/rankings/${r.id}`);
          else void detail.refetch();
        },
        onError: (e) => message.error(errorMessage(e)),
      },
    );
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <PageTitle
          backTo="/linkage/rankings"
          title={
            <>
              {rankingTitle(ranking)}排序 · 第{ranking.version}版 <RankingStatusTag status={ranking.status} />
            </>
          }
          extra={
            <Space wrap>
              {manage && ranking.status !== 'superseded' && (
                <Button icon={<ReloadOutlined />} loading={compute.isPending} onClick={recompute} data-testid="ranking-recompute">
                  {ranking.status === 'draft' ? '重新计算' : '计算新版本'}
                </Button>
              )}
              {manage && ranking.status === 'draft' && <PublishRankingButton ranking={ranking} />}
              {ranking.status === 'published' && can('notice:manage') && <CreateNoticeButton rankingId={ranking.id} />}
            </Space>
          }
        />
        <Descriptions bordered size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label="计算日期">{formatDate(ranking.asOf)}</Descriptions.Item>
          <Descriptions.Item label="延伸评价权重">{Number(ranking.extensionWeight)}</Descriptions.Item>
          <Descriptions.Item label="计算时间">{formatDateTime(ranking.computedAt)}</Descriptions.Item>
          <Descriptions.Item label="发布时间">{formatDateTime(ranking.publishedAt)}</Descriptions.Item>
          <Descriptions.Item label="取代版本">{ranking.supersedesId ? <Link to={`/linkage/rankings/${ranking.supersedesId}`}>排序 #{ranking.supersedesId}</Link> : '—'}</Descriptions.Item>
          <Descriptions.Item label="重新发布原因">{orDash(ranking.reason)}</Descriptions.Item>
        </Descriptions>
      </Card>
      {CLASS_ORDER.map((cls) => {
        const members = entries.filter((e) => e.class === cls);
        if (!members.length) return null;
        return (
          <Card key={cls} title={`${classLabel(cls)}（${members.length}个）`} size="small">
            <RankingClassTable
              entries={members}
              explanation={explanation}
              showExtension={cls === 'close'}
              showExternal={members.some((m) => m.externalScore != null)}
            />
          </Card>
        );
      })}
    </Space>
  );
}
