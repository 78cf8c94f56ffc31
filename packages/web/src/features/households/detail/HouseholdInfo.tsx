import { Descriptions, Tag, type DescriptionsProps } from 'antd';
import { MaskedPhone } from '../../../components/MaskedPhone';
import { formatDate, formatDateTime, formatMoney, orDash } from '../../../lib/format';
import { useCodeLabel } from '../../reference/useCodes';
import { HOUSEHOLD_LABELS as L } from '../labels';
import type { Household } from '../types';
import { GuaranteeTags, HouseholdFlags } from './GuaranteeTags';

export function HouseholdInfo({ household: h, canReveal }: { household: Household; canReveal: boolean }) {
  const label = useCodeLabel();
  const monitored = !!h.monitorCategory;

  const items: DescriptionsProps['items'] = [
    { key: 'no', label: L.householdNo, children: h.householdNo },
    { key: 'township', label: '所属乡镇', children: orDash(h.townshipName) },
    { key: 'village', label: L.villageCode, children: h.villageName ?? h.villageCode },
    { key: 'address', label: L.address, children: orDash(h.address) },
    { key: 'phone', label: L.phone, children: <MaskedPhone householdId={h.id} masked={h.phone} allowed={canReveal} /> },
    { key: 'type', label: L.householdType, children: label('householdType', h.householdType) },
    ...(h.householdType === 'alleviated' ? [{ key: 'year', label: L.alleviationYear, children: orDash(h.alleviationYear) }] : []),
    {
      key: 'monitor',
      label: L.monitorCategory,
      children: monitored ? <Tag color="orange">{label('monitorCategory', h.monitorCategory)}</Tag> : '非监测对象',
    },
    ...(monitored ? [{ key: 'identified', label: L.monitorIdentifiedOn, children: formatDate(h.monitorIdentifiedOn) }] : []),
    {
      key: 'risks',
      label: L.riskTypes,
      span: 2,
      children: h.riskTypes?.length ? h.riskTypes.map((r) => <Tag key={r}>{label('riskType', r)}</Tag>) : '—',
    },
    ...(monitored
      ? [
          { key: 'eliminated', label: L.riskEliminated, children: h.riskEliminated ? <Tag color="green">已消除</Tag> : <Tag color="red">未消除</Tag> },
          ...(h.riskEliminated
            ? [
                { key: 'method', label: L.eliminationMethod, children: label('eliminationMethod', h.eliminationMethod) || '—' },
                { key: 'eliminatedOn', label: L.eliminatedOn, children: formatDate(h.eliminatedOn) },
              ]
            : []),
        ]
      : []),
    { key: 'contact', label: L.monitorContact, children: orDash(h.monitorContact) },
    { key: 'helper', label: L.helperName, children: orDash(h.helperName) },
    ...(h.relocated ? [{ key: 'site', label: L.relocationSite, children: orDash(h.relocationSite) }] : []),
    { key: 'members', label: L.memberCount, children: h.memberCount },
    {
      key: 'income',
      label: L.perCapitaNetIncome,
      children: h.perCapitaNetIncome == null ? '—' : `${formatMoney(h.perCapitaNetIncome)} 元${h.incomeYear ? `（${h.incomeYear}年度）` : ''}`,
    },
    { key: 'guarantees', label: '“三保障”和饮水安全', span: 3, children: <GuaranteeTags household={h} /> },
    { key: 'flags', label: '兜底保障', span: 2, children: <HouseholdFlags household={h} /> },
    { key: 'updated', label: '最后更新', children: formatDateTime(h.updatedAt) },
  ];

  return <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 3 }} items={items} />;
}
