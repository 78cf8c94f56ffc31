/** Reads the one file of a multipart evidence upload (field `file`); routes of every record type share it. */
import type { FastifyRequest } from 'fastify';
import { badRequest } from '../../http/errors.js';

export async function receiveAttachment(req: FastifyRequest): Promise<{ fileName: string; data: Buffer }> {
  const file = await req.file();
  if (!file) throw badRequest('请选择要上传的文件');
  return { fileName: file.filename, data: await file.toBuffer() };
}
