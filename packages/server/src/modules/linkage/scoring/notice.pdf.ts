/** The notice as an A4 PDF (pdfkit, with an embedded, subset Chinese font from an npm package — no system fonts). */
import { PDF_FONT, renderA4Pdf } from '../../../files/pdf.js';
import type { PrintableNotice } from './notice.print.js';

export function noticePdf(n: PrintableNotice): Promise<Buffer> {
  // Official-document margins (GB/T 9704): top 3.7 cm, bottom 3.5 cm, left 2.8 cm, right 2.6 cm.
  return renderA4Pdf({ title: n.title, marginsCm: { top: 3.7, bottom: 3.5, left: 2.8, right: 2.6 } }, (doc) => {
    if (n.status === 'draft') doc.font(PDF_FONT.bold).fontSize(13).fillColor('#c00').text('草稿（未经审核，不得送达）', { align: 'center' }).moveDown().fillColor('#000');
    doc.font(PDF_FONT.bold).fontSize(20).text(n.title, { align: 'center', lineGap: 6 }).moveDown();
    const lines = n.body.split('\n');
    const signature = lines.length >= 2 ? lines.slice(-2) : [];
    doc.font(PDF_FONT.regular).fontSize(14);
    for (const l of lines.slice(0, lines.length - signature.length)) doc.text(l || ' ', { align: 'justify', lineGap: 6 });
    doc.moveDown(2);
    for (const l of signature) doc.text(l, { align: 'right', lineGap: 6 });
  });
}
