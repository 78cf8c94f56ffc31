/** 明白纸: one household's printable card (/households/:id/card) or a whole village, one card per page (/household-cards?village=). */
import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Space, Spin } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { AreaTreeSelect } from '../../components/AreaTreeSelect';
import { QueryError } from '../../components/QueryError';
import { useHouseholdCard, useVillageCards } from './api';
import { CardSheet, PRINT_CSS } from './CardSheet';

export function HouseholdCardPage() {
  const id = Number(useParams().id);
  const card = useHouseholdCard(id);
  return (
    <Card>
      <style>{PRINT_CSS}</style>
      <Space className="sw-no-print" style={{ marginBottom: 16 }}>
        <Link to={`/households/${id}`}>返回农户详情</Link>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} disabled={!card.data}>打印明白纸</Button>
      </Space>
      {card.isPending && <Spin />}
      {card.isError && <QueryError error={card.error} onRetry={() => card.refetch()} />}
      {card.data && <div className="sw-print-area"><CardSheet card={card.data} /></div>}
    </Card>
  );
}

export function VillageCardsPage() {
  const [params, setParams] = useSearchParams();
  const village = params.get('village') ?? undefined;
  const cards = useVillageCards(village);
  return (
    <Card title="批量打印明白纸">
      <style>{PRINT_CSS}</style>
      <Space className="sw-no-print" style={{ marginBottom: 16 }} wrap>
        <AreaTreeSelect levels={['village']} value={village} onChange={(v) => setParams(v ? { village: v } : {})} style={{ width: 280 }} placeholder="选择一个村" />
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} disabled={!cards.data?.items.length}>打印全部（每户一页）</Button>
      </Space>
      {!village && <Alert className="sw-no-print" type="info" showIcon title="请选择一个村，生成该村每户的一码通明白纸" />}
      {cards.isFetching && <Spin />}
      {cards.isError && <QueryError error={cards.error} onRetry={() => cards.refetch()} />}
      {cards.data && cards.data.items.length === 0 && <Empty description="该村暂无农户" />}
      {cards.data && cards.data.items.length > 0 && (
        <>
          <Alert className="sw-no-print" type="success" showIcon title={`${cards.data.villageName}共 ${cards.data.items.length} 户`} style={{ marginBottom: 16 }} />
          <div className="sw-print-area">{cards.data.items.map((c) => <CardSheet key={c.householdId} card={c} />)}</div>
        </>
      )}
    </Card>
  );
}
