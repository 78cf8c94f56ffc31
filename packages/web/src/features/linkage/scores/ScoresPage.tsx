/** 季度评分: provisional scores of the 26 departments, manual score items, evaluations and the monthly ranking. */
import { Card, Tabs } from 'antd';
import { useUrlQuery } from '../../../lib/useUrlQuery';
import { PageTitle } from '../shared/PageTitle';
import { QuarterPicker } from '../shared/QuarterPicker';
import { useQuarterParam } from '../shared/useQuarterParam';
import { DepartmentScoresTab } from './DepartmentScoresTab';
import { EvaluationsTab } from './EvaluationsTab';
import { ManualItemsTab } from './ManualItemsTab';
import { MonthlyRankingTab } from './MonthlyRankingTab';

const KEYS = ['tab'] as const;
const TABS = ['scores', 'manual', 'evaluations', 'monthly'] as const;
type TabKey = (typeof TABS)[number];

export default function ScoresPage() {
  const { filters, update } = useUrlQuery(KEYS);
  const [quarter, setQuarter] = useQuarterParam();
  const tab: TabKey = (TABS as readonly string[]).includes(filters.tab ?? '') ? (filters.tab as TabKey) : 'scores';

  return (
    <Card>
      <PageTitle title="季度评分" extra={tab !== 'monthly' && <QuarterPicker value={quarter} onChange={setQuarter} data-testid="scores-quarter" />} />
      <Tabs
        activeKey={tab}
        onChange={(k) => update({ tab: k === 'scores' ? undefined : k })}
        destroyOnHidden
        items={[
          { key: 'scores', label: '部门得分', children: <DepartmentScoresTab quarter={quarter} /> },
          { key: 'manual', label: '手工评分项', children: <ManualItemsTab quarter={quarter} /> },
          { key: 'evaluations', label: '延伸评价/外部评价', children: <EvaluationsTab quarter={quarter} /> },
          { key: 'monthly', label: '月度排名', children: <MonthlyRankingTab /> },
        ]}
      />
    </Card>
  );
}
