/**
 * Uploaded evidence files (photos, scans): the type is read from the file's first bytes, never trusted from its
 * name or the browser's declared type; size and emptiness are checked before anything is stored.
 */
export type AttachmentType = 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf';

export const ATTACHMENT_TYPE_LABELS: Record<AttachmentType, string> = {
  'image/jpeg': 'JPEG 图片',
  'image/png': 'PNG 图片',
  'image/webp': 'WebP 图片',
  'application/pdf': 'PDF 文档',
};

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) => sig.every((v, i) => b[at + i] === v);

/** The file type from its magic bytes, or null when it is none of the accepted types. */
export function sniffAttachmentType(b: Uint8Array): AttachmentType | null {
  if (startsWith(b, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(b, [0x52, 0x49, 0x46, 0x46]) && startsWith(b, [0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  if (startsWith(b, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  return null;
}

export type AttachmentRefusal =
  | { kind: 'empty'; message: string }
  | { kind: 'too_large'; message: string }
  | { kind: 'unsupported_type'; message: string }
  | { kind: 'bad_name'; message: string };

const mb = (n: number) => `${Math.round((n / 1_048_576) * 10) / 10} MB`;

/** Check an upload; null when it may be stored. */
export function checkAttachment(f: { fileName: string; size: number; head: Uint8Array }, maxBytes: number): AttachmentRefusal | null {
  if (!f.fileName.trim() || f.fileName.length > 200 || /[\\/\u0000]/.test(f.fileName)) return { kind: 'bad_name', message: '文件名无效（不超过200字，不含路径）' };
  if (f.size === 0) return { kind: 'empty', message: '文件为空' };
  if (f.size > maxBytes) return { kind: 'too_large', message: `文件过大：不超过 ${mb(maxBytes)}` };
  if (!sniffAttachmentType(f.head)) return { kind: 'unsupported_type', message: '只接受 JPEG、PNG、WebP 图片或 PDF 文档' };
  return null;
}
