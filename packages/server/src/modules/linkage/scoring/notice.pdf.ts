/** The notice as an A4 PDF (pdfkit, with an embedded, subset Chinese font from an npm package — no system fonts). */
import PDFDocument from 'pdfkit';
import { createRequire } from 'node:module';
import type { PrintableNotice } from './notice.print.js';

const require = createRequire(import.meta.url);
const REGULAR = require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
const BOLD = require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf');

const CM = 72 / 2.54;

export function noticePdf(n: PrintableNotice): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // Official-document margins (GB/T 9704): top 3.7 cm, bottom 3.5 cm, left 2.8 cm, right 2.6 cm.
    const doc = new PDFDocument({ size: 'A4', margins: { top: 3.7 * CM, bottom: 3.5 * CM, left: 2.8 * CM, right: 2.6 * CM }, info: { Title: n.title, Creator: '守望 Shouwang' } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    if (n.status === 'draft') doc.font(BOLD).fontSize(13).fillColor('#c00').text('草稿（未经审核，不得送达）', { align: 'center' }).moveDown().fillColor('#000');
    doc.font(BOLD).fontSize(20).text(n.title, { align: 'center', lineGap: 6 }).moveDown();
    const lines = n.body.split('\n');
    const signature = lines.length >= 2 ? lines.slice(-2) : [];
    doc.font(REGULAR).fontSize(14);
    for (const l of lines.slice(0, lines.length - signature.length)) doc.text(l || ' ', { align: 'justify', lineGap: 6 });
    doc.moveDown(2);
    for (const l of signature) doc.text(l, { align: 'right', lineGap: 6 });
    doc.end();
  });
}
