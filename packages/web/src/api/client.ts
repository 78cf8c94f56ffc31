/**
 * The one fetch wrapper of the web app: same-origin cookie session, JSON in and out,
 * and every non-2xx answer turned into an {@link ApiError} from the `{error:{code,message,fields}}` shape.
 */

export interface FieldError {
  field: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldError[];

  constructor(status: number, code: string, message: string, fields: FieldError[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

type Listener = (error: ApiError) => void;
const unauthorizedListeners = new Set<Listener>();

/** Called on every 401 (except the login call itself); the app uses it to go to the login page. */
export function onUnauthorized(listener: Listener): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

export type QueryValue = string | number | boolean | null | undefined;

export function toQueryString(query: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

const STATUS_MESSAGES: Record<number, string> = {
  400: '提交的内容有误',
  401: '登录已失效，请重新登录',
  403: '当前角色无权进行此操作',
  404: '记录不存在或不在您的管辖区域内',
  409: '数据冲突，请刷新后重试',
  413: '提交的内容过大',
  423: '账号已锁定',
  429: '操作过于频繁，请稍后再试',
};

async function toApiError(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // not JSON (proxy error page, empty body…): fall back to the status text below
  }
  const err = (body as { error?: { code?: unknown; message?: unknown; fields?: unknown } } | null)?.error;
  const fallback = STATUS_MESSAGES[res.status] ?? (res.status >= 500 ? '服务器出错，请稍后再试' : `请求失败（${res.status}）`);
  return new ApiError(
    res.status,
    typeof err?.code === 'string' ? err.code : `http_${res.status}`,
    typeof err?.message === 'string' && err.message ? err.message : fallback,
    Array.isArray(err?.fields) ? (err.fields as FieldError[]) : [],
  );
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Record<string, QueryValue>;
  /** Do not broadcast a 401 (the login form handles its own 401). */
  quiet401?: boolean;
  signal?: AbortSignal;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, query, quiet401, signal } = options;
  let res: Response;
  try {
    res = await fetch(`/api${path}${query ? toQueryString(query) : ''}`, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, 'network', '无法连接服务器，请检查网络');
  }
  if (!res.ok) {
    const error = await toApiError(res);
    if (res.status === 401 && !quiet401) unauthorizedListeners.forEach((l) => l(error));
    throw error;
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  if (e instanceof Error) return e.message;
  return '操作失败';
}
