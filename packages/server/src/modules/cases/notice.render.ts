/**
 * 公示 / 公告 as printable HTML (A4, browser print) and as a PDF (pdfkit with the embedded Noto Sans SC font, as the
 * "5+2" notices do). Both render the stored, already-scanned notice; nothing else of a case reaches them.
 */
import type { PublicNotice } from '@shouwang/domain';
import { escapeHtml } from '../../files/html.js';
import { PDF_FONT, renderA4Pdf } from '../../files/pdf.js';

const { regular: REGULAR, bold: BOLD } = PDF_FONT;

export const DRAFT_MARK = '草稿（尚未张贴）';

export function noticeHtml(n: PublicNotice, draft: boolean): string {
  const head = n.columns.map((c) => `<th>${escapeHtml(c.title)}</th>`).join('');
  const body = n.rows.map((r) => `<tr>${n.columns.map((c) => `<td>${escapeHtml(String(r[c.key]))}</td>`).join('')}</tr>`).join('\n');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${escapeHtml(n.title)}</title>
<style>
  @page { size: A4; margin: 2.5cm 2cm 2.5cm 2cm; }
  html, body { margin: 0; padding: 0; }
  body { font-family: "FangSong", "仿宋", "STFangsong", "SimSun", "Songti SC", serif; font-size: 14pt; line-height: 1.7; color: #000; background: #fff; }
  main { max-width: 17cm; margin: 0 auto; padding: 1cm 0; }
  h1 { font-family: "SimHei", "黑体", "STHeiti", "Heiti SC", sans-serif; font-size: 20pt; text-align: center; margin: 0 0 0.8em; }
  p.intro { text-indent: 2em; text-align: justify; margin: 0 0 1em; }
  table { width: 100%; border-collapse: collapse; font-size: 12pt; }
  th, td { border: 1px solid #000; padding: 4px 6px; text-align: center; }
  th { font-family: "SimHei", "黑体", sans-serif; }
  .footer { margin-top: 2em; text-align: right; }
  .draft { border: 2px solid #c00; color: #c00; text-align: center; margin-bottom: 1em; }
  .toolbar { text-align: center; margin-bottom: 1em; }
  @media print { main { padding: 0; max-width: none; } .toolbar { display: none; } .draft { print-color-adjust: exact; -webkit-print-color-adjust: exact; } }
</style>
</head>
<body>
<main>
<div class="toolbar"><button type="button" onclick="window.print()">打印</button></div>
${draft ? `<div class="draft">${DRAFT_MARK}</div>` : ''}<h1>${escapeHtml(n.title)}</h1>
<p class="intro">${escapeHtml(n.intro)}</p>
<table>
<thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody>
</table>
<p class="footer">${escapeHtml(n.footer)}</p>
</main>
</body>
</html>
`;
}

export function noticePdf(n: PublicNotice, draft: boolean): Promise<Buffer> {
  return renderA4Pdf({ title: n.title, marginsCm: { top: 2.5, bottom: 2.5, left: 2, right: 2 } }, (doc) => {
    const left = doc.page.margins.left;
    const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
    if (draft) doc.font(BOLD).fontSize(12).fillColor('#c00').text(DRAFT_MARK, { align: 'center' }).moveDown(0.5).fillColor('#000');
    doc.font(BOLD).fontSize(18).text(n.title, { align: 'center', lineGap: 4 }).moveDown(0.5);
    doc.font(REGULAR).fontSize(12).text(n.intro, { align: 'justify', indent: 24, lineGap: 4 }).moveDown(0.8);

    // The table: column widths by weight (序号 narrow, names and reasons wider).
    const weight = (k: string) => (k === 'seq' ? 0.6 : k === 'householdSize' ? 0.9 : k === 'reason' || k === 'category' ? 1.6 : 1.2);
    const total = n.columns.reduce((s, c) => s + weight(c.key), 0);
    const widths = n.columns.map((c) => (weight(c.key) / total) * width);
    const rowHeight = 22;
    const drawRow = (cells: string[], font: string) => {
      if (doc.y + rowHeight > doc.page.height - doc.page.margins.bottom) doc.addPage();
      const y = doc.y;
      let x = left;
      doc.font(font).fontSize(10.5);
      cells.forEach((text, i) => {
        doc.rect(x, y, widths[i]!, rowHeight).stroke();
        doc.text(text, x + 2, y + 6, { width: widths[i]! - 4, align: 'center', lineBreak: false, ellipsis: true });
        x += widths[i]!;
      });
      doc.x = left;
      doc.y = y + rowHeight;
    };
    drawRow(n.columns.map((c) => c.title), BOLD);
    for (const r of n.rows) drawRow(n.columns.map((c) => String(r[c.key])), REGULAR);
    doc.moveDown(2);
    doc.font(REGULAR).fontSize(12).text(n.footer, left, doc.y, { width, align: 'right' });
  });
}
