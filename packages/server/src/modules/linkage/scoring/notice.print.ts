/** The printable notice: one self-contained HTML page (A4 print CSS, no external assets). Pure. */
import { escapeHtml } from '../../../files/html.js';

export interface PrintableNotice { title: string; body: string; status: string }

export function printableNoticeHtml(n: PrintableNotice): string {
  const lines = n.body.split('\n');
  // The closing two lines (issuing office and date) are right-aligned as a signature.
  const signature = lines.length >= 2 ? lines.slice(-2) : [];
  const paragraphs = lines.slice(0, lines.length - signature.length);
  const draft = n.status === 'draft' ? '<div class="draft">草稿（未经审核，不得送达）</div>' : '';
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${escapeHtml(n.title)}</title>
<style>
  @page { size: A4; margin: 3.7cm 2.6cm 3.5cm 2.8cm; }
  html, body { margin: 0; padding: 0; }
  body { font-family: "FangSong", "仿宋", "STFangsong", "SimSun", "Songti SC", serif; font-size: 16pt; line-height: 1.75; color: #000; background: #fff; }
  main { max-width: 16cm; margin: 0 auto; padding: 1cm 0; }
  h1 { font-family: "SimHei", "黑体", "STHeiti", "Heiti SC", sans-serif; font-size: 20pt; font-weight: bold; text-align: center; line-height: 1.5; margin: 0 0 1em; }
  p { margin: 0; text-align: justify; white-space: pre-wrap; }
  .signature { margin-top: 2em; text-align: right; }
  .draft { border: 2px solid #c00; color: #c00; text-align: center; font-size: 14pt; margin-bottom: 1em; }
  @media print { main { padding: 0; max-width: none; } .draft { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
</style>
</head>
<body>
<main>
${draft}<h1>${escapeHtml(n.title)}</h1>
${paragraphs.map((l) => `<p>${escapeHtml(l)}</p>`).join('\n')}
<div class="signature">${signature.map((l) => `<p>${escapeHtml(l)}</p>`).join('')}</div>
</main>
</body>
</html>
`;
}
