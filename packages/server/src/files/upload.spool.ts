/**
 * Spool an upload to a temp file while counting bytes (413 above the limit, 400 for a 0-byte file), so the request
 * can be answered at once and the file read afterwards (e.g. by an import job). The caller removes it with `remove`.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import type { Readable } from 'node:stream';
import { formatBytes, TabularInputError } from './tabular.reader.js';

export interface SpooledFile {
  path: string;
  bytes: number;
  remove(): Promise<void>;
}

export async function spoolUpload(input: NodeJS.ReadableStream, opts: { maxBytes: number; tmpDir?: string }): Promise<SpooledFile> {
  const dir = await mkdtemp(path.join(opts.tmpDir ?? tmpdir(), 'shouwang-spool-'));
  const file = path.join(dir, 'upload.bin');
  const remove = () => rm(dir, { recursive: true, force: true });
  const out = createWriteStream(file);
  let bytes = 0;
  try {
    for await (const chunk of input as AsyncIterable<Buffer | string>) {
      const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      bytes += b.length;
      if (bytes > opts.maxBytes) {
        (input as Partial<Readable>).destroy?.();
        throw new TabularInputError(413, 'FILE_TOO_LARGE', `文件超过大小上限 ${formatBytes(opts.maxBytes)}，请拆分后分批上传`);
      }
      if (!out.write(b)) await once(out, 'drain');
    }
    if ((input as { truncated?: boolean }).truncated) throw new TabularInputError(413, 'FILE_TOO_LARGE', `文件超过大小上限 ${formatBytes(opts.maxBytes)}，请拆分后分批上传`);
    out.end();
    await once(out, 'finish');
    if (bytes === 0) throw new TabularInputError(400, 'EMPTY_FILE', '文件为空（0 字节），请选择填写好的表格文件');
    return { path: file, bytes, remove };
  } catch (e) {
    out.destroy();
    await remove();
    const code = (e as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new TabularInputError(413, 'FILE_TOO_LARGE', `文件超过大小上限 ${formatBytes(opts.maxBytes)}，请拆分后分批上传`);
    throw e;
  }
}
