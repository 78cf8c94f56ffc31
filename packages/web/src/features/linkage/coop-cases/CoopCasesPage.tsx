import { Card, Tabs } from 'antd';
import { useUrlQuery } from '../../../lib/useUrlQuery';
import { PageTitle } from '../shared/PageTitle';
import { CoopCaseList } from './CoopCaseList';
import { OverdueTasks } from './OverdueTasks';

const KEYS = ['tab'] as const;

/** 协同处置: 联防联控 / 联席会商 / 联合处置 / 交办 cases, and the overdue tasks across them. */
export default function CoopCasesPage() {
  const { filters, update } = useUrlQuery(KEYS);
  const tab = filters.tab === 'overdue' ? 'overdue' : 'cases';
  return (
    <Card>
      <PageTitle title="协同处置" />
      <Tabs
        activeKey={tab}
        onChange={(t) => update({ tab: t === 'cases' ? null : t })}
        destroyOnHidden
        items={[
          { key: 'cases', label: '处置事项', children: <CoopCaseList /> },
          { key: 'overdue', label: '逾期任务', children: <OverdueTasks /> },
        ]}
      />
    </Card>
  );
}
