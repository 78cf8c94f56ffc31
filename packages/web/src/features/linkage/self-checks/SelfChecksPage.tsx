import { Card } from 'antd';
import { useAuth } from '../../../app/auth';
import { MonthPicker } from '../shared/MonthPicker';
import { PageTitle } from '../shared/PageTitle';
import { useMonthParam } from '../shared/useMonthParam';
import { MySelfChecks } from './MySelfChecks';
import { SelfCheckOverview } from './SelfCheckOverview';

/** 月度自查: a department files its own reports; the office, leaders and inspectors see the month's overview. */
export default function SelfChecksPage() {
  const { can } = useAuth();
  const [month, setMonth] = useMonthParam();
  const filing = can('self_check:submit');

  return (
    <Card>
      <PageTitle
        title={filing ? '月度自查' : '月度自查报送情况'}
        extra={<MonthPicker value={month} onChange={(m) => setMonth(m)} data-testid="self-check-month" />}
      />
      {filing ? <MySelfChecks month={month} /> : <SelfCheckOverview month={month} />}
    </Card>
  );
}
