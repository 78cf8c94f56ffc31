/** 排序: the quarter rankings (versions, draft/published) and the annual view of the published ones. */
import { Card, Tabs } from 'antd';
import { useUrlQuery } from '../../../lib/useUrlQuery';
import { PageTitle } from '../shared/PageTitle';
import { AnnualTab } from './AnnualTab';
import { RankingListTab } from './RankingListTab';

const KEYS = ['tab'] as const;

export default function RankingsPage() {
  const { filters, update } = useUrlQuery(KEYS);
  const tab = filters.tab === 'annual' ? 'annual' : 'quarters';
  return (
    <Card>
      <PageTitle title="季度排序" />
      <Tabs
        activeKey={tab}
        onChange={(k) => update({ tab: k === 'annual' ? 'annual' : undefined })}
        destroyOnHidden
        items={[
          { key: 'quarters', label: '季度排序', children: <RankingListTab /> },
          { key: 'annual', label: '年度', children: <AnnualTab /> },
        ]}
      />
    </Card>
  );
}
