/** One error handler: every failure answers `{error: {code, message, fields?}}` with the right status. */
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError } from './errors.js';

const CONTEXT_LABEL: Record<string, string> = { body: '请求内容', querystring: '查询参数', params: '路径参数', headers: '请求头' };

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) {
      return reply.code(err.status).send({ error: { code: err.code, message: err.message, ...(err.fields ? { fields: err.fields } : {}) } });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields = err.validation.map((v) => ({
        field: (v.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.'),
        message: v.message ?? '取值无效',
      }));
      const where = CONTEXT_LABEL[err.validationContext ?? 'body'] ?? '请求';
      const first = fields[0];
      return reply.code(400).send({
        error: { code: 'validation', message: `${where}有误${first ? `：${first.field ? first.field + ' ' : ''}${first.message}` : ''}`, fields },
      });
    }
    if (isResponseSerializationError(err)) {
      req.log.error({ err, issues: err.cause.issues }, 'response does not match its schema');
      return reply.code(500).send({ error: { code: 'internal', message: '服务器内部错误' } });
    }
    switch (err.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return reply.code(413).send({ error: { code: 'too_large', message: '请求内容过大' } });
      case 'FST_REQ_FILE_TOO_LARGE':
      case 'FST_FILES_LIMIT':
      case 'FST_PARTS_LIMIT':
        return reply.code(413).send({ error: { code: 'too_large', message: '上传文件过大或文件过多（每次一个文件）' } });
      case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
        return reply.code(415).send({ error: { code: 'unsupported_media_type', message: '请以 multipart/form-data 方式上传文件' } });
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return reply.code(415).send({ error: { code: 'unsupported_media_type', message: '不支持的内容类型' } });
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
        return reply.code(400).send({ error: { code: 'invalid_json', message: '请求内容不是有效的 JSON' } });
    }
    if (err.statusCode === 429) {
      return reply.code(429).send({ error: { code: 'rate_limited', message: '请求过于频繁，请稍后再试' } });
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      const message = err instanceof SyntaxError ? '请求内容不是有效的 JSON' : '请求无效';
      return reply.code(err.statusCode).send({ error: { code: 'bad_request', message } });
    }
    req.log.error({ err }, 'unhandled error');
    return reply.code(500).send({ error: { code: 'internal', message: '服务器内部错误' } });
  });
}

/** Unknown API routes answer JSON 404; with a built web app, other GETs get its index.html (client-side routes). */
export function installNotFound(app: FastifyInstance, spa: boolean): void {
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0] ?? '';
    // Client-side routes have no file extension; a missing asset is a real 404.
    if (spa && req.method === 'GET' && !path.startsWith('/api') && !/\.[a-z0-9]+$/i.test(path)) return reply.code(200).type('text/html').header('cache-control', 'no-cache').sendFile('index.html');
    return reply.code(404).send({ error: { code: 'not_found', message: `接口不存在：${req.method} ${req.url.split('?')[0]}` } });
  });
}
