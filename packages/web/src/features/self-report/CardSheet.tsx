/** One printed 明白纸 (A4): the household's QR code, the policy summary and whom to call. */
import type { HouseholdCard } from './api';

export const PRINT_CSS = `
.sw-card-sheet { width: 190mm; min-height: 270mm; margin: 0 auto 16px; padding: 14mm 12mm; background: #fff; color: #000; box-sizing: border-box; border: 1px solid #ddd; font-size: 14px; line-height: 1.7; }
.sw-card-sheet h1 { font-size: 24px; text-align: center; margin: 0 0 12px; }
.sw-card-sheet h2 { font-size: 17px; margin: 14px 0 6px; }
@media print {
  @page { size: A4; margin: 10mm; }
  body * { visibility: hidden; }
  .sw-print-area, .sw-print-area * { visibility: visible; }
  .sw-print-area { position: absolute; left: 0; top: 0; width: 100%; }
  .sw-card-sheet { border: none; margin: 0; page-break-after: always; break-after: page; }
  .sw-no-print { display: none !important; }
}`;

export function CardSheet({ card }: { card: HouseholdCard }) {
  const t = card.text;
  return (
    <section className="sw-card-sheet" data-testid="household-card">
      <h1>{t.title}</h1>
      <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start' }}>
        <div style={{ flex: 1 }}>
          <p style={{ margin: 0 }}>
            <b>{card.townshipName ?? ''} {card.villageName}</b> · 户主 <b>{card.headName || '—'}</b> · 户编号 {card.householdNo}
          </p>
          <p>{t.intro}</p>
        </div>
        <div style={{ textAlign: 'center', width: '48mm' }}>
          <img src={card.qrDataUrl} alt="本户一码通二维码" style={{ width: '45mm', height: '45mm' }} />
          <div style={{ fontSize: 12 }}>微信或浏览器扫码申报</div>
        </div>
      </div>
      <h2>遇到这些情况，请及时申报</h2>
      <ol style={{ margin: 0, paddingLeft: 22 }}>{t.whatToReport.map((w) => <li key={w}>{w}</li>)}</ol>
      <h2>怎么申报</h2>
      <ol style={{ margin: 0, paddingLeft: 22 }}>{t.howToReport.map((w) => <li key={w}>{w}</li>)}</ol>
      <h2>联系方式</h2>
      <p style={{ margin: 0 }}>帮扶责任人：{card.helperName ?? '—'}</p>
      {card.monitorContact && <p style={{ margin: 0 }}>监测联系人：{card.monitorContact}</p>}
      <p style={{ margin: 0 }}>村委会联系人：{card.villageContacts.length ? card.villageContacts.join('；') : '—'}</p>
      <p style={{ margin: 0 }}>县防返贫监测热线：{t.hotline}</p>
      <p style={{ marginTop: 12 }}>{t.promise}</p>
      <p style={{ fontSize: 11, color: '#666', wordBreak: 'break-all' }}>扫码地址：{card.url}</p>
    </section>
  );
}
