/**
 * A4 PDFs with pdfkit and the embedded Chinese font (Noto Sans SC from an npm package, subset on embedding — no
 * system fonts), for the printable notices (“5+2” 通报, 公示 / 公告).
 */
import PDFDocument from 'pdfkit';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
/** Font files to pass to `doc.font(…)`. */
export const PDF_FONT = {
  regular: require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'),
  bold: require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf'),
} as const;

/** Points per centimetre. */
export const CM = 72 / 2.54;

export interface A4Options {
  title: string;
  /** Page margins in centimetres. */
  marginsCm: { top: number; bottom: number; left: number; right: number };
}

/** Create an A4 document, let `draw` write the content, and resolve with the finished PDF bytes. */
export function renderA4Pdf(options: A4Options, draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const m = options.marginsCm;
    const doc = new PDFDocument({
      size: 'A4',
      margins: { top: m.top * CM, bottom: m.bottom * CM, left: m.left * CM, right: m.right * CM },
      info: { Title: options.title, Creator: '守望 Shouwang' },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    try {
      draw(doc);
    } catch (e) {
      reject(e as Error);
      return;
    }
    doc.end();
  });
}
