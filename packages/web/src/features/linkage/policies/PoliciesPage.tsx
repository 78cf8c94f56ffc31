import { Card, Tabs } from 'antd';
import { useUrlQuery } from '../../../lib/useUrlQuery';
import { PageTitle } from '../shared/PageTitle';
import { PolicyDigest } from './PolicyDigest';
import { PolicyLibrary } from './PolicyLibrary';

const KEYS = ['tab'] as const;

/** 政策共享: the policy library (中央/省/市/县) with read receipts, and the monthly digest. */
export default function PoliciesPage() {
  const { filters, update } = useUrlQuery(KEYS);
  const tab = filters.tab === 'digest' ? 'digest' : 'library';
  return (
    <Card>
      <PageTitle title="政策共享" />
      <Tabs
        activeKey={tab}
        onChange={(t) => update({ tab: t === 'library' ? null : t })}
        destroyOnHidden
        items={[
          { key: 'library', label: '政策库', children: <PolicyLibrary /> },
          { key: 'digest', label: '政策月报', children: <PolicyDigest /> },
        ]}
      />
    </Card>
  );
}
