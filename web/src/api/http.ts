import { ElMessage } from 'element-plus'
import 'element-plus/es/components/message/style/css'

export const API_BASE = '/api/v1'

/** Error raised for any failed API call; `message` is the Chinese text shown to users. */
export class ApiError extends Error {
  readonly status: number
  readonly code: string
  /** The API layer has already shown `message`: showError does not repeat it. */
  shown = false

  constructor(status: number, code: string, message: string) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
  }
}

export interface RequestOptions {
  /** Query parameters; empty strings / null / undefined are dropped. */
  params?: Record<string, string | number | null | undefined>
  /** Do not pop an ElMessage on failure (caller handles it). */
  silent?: boolean
  signal?: AbortSignal
}

/** Show `err` now (unless the caller handles it) and mark it shown. */
export function told(err: ApiError, show = true): ApiError {
  if (show && !err.shown) {
    ElMessage.error(err.message)
    err.shown = true
  }
  return err
}

/** The one way a view reports a failed action: an ApiError's Chinese message, once (the API layer
 * may have shown it already); anything else (a chat call's TypeError, a bug) gets `fallback`, so a
 * failed click is never silent. An aborted request is no failure. */
export function showError(e: unknown, fallback = '操作失败，请稍后重试'): void {
  if (e instanceof DOMException && e.name === 'AbortError') return
  if (e instanceof ApiError) {
    told(e)
    return
  }
  console.error(e)
  ElMessage.error(fallback)
}

function buildUrl(path: string, params?: RequestOptions['params']): string {
  const qs = new URLSearchParams()
  if (params) {
    for (const [k, v] of Object.entries(params)) {
      if (v === undefined || v === null || v === '') continue
      qs.append(k, String(v))
    }
  }
  const q = qs.toString()
  return `${API_BASE}${path}${q ? `?${q}` : ''}`
}

function fallbackMessage(status: number): string {
  if (status === 404) return '请求的资源不存在'
  if (status === 401 || status === 403) return '无权访问该资源'
  if (status >= 500) return '服务器内部错误，请稍后重试'
  return `请求失败（HTTP ${status}）`
}

export async function getJson<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  let resp: Response
  try {
    resp = await fetch(buildUrl(path, opts.params), {
      headers: { Accept: 'application/json' },
      signal: opts.signal,
    })
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e
    throw told(new ApiError(0, 'network_error', '网络异常，无法连接服务器'), !opts.silent)
  }

  let body: unknown = null
  const text = await resp.text()
  if (text) {
    try {
      body = JSON.parse(text)
    } catch {
      body = null
    }
  }

  if (!resp.ok) {
    const b = (body ?? {}) as { code?: unknown; message?: unknown; detail?: unknown }
    const message =
      typeof b.message === 'string' && b.message
        ? b.message
        : typeof b.detail === 'string' && b.detail
          ? b.detail
          : fallbackMessage(resp.status)
    const code = typeof b.code === 'string' ? b.code : `http_${resp.status}`
    throw told(new ApiError(resp.status, code, message), !opts.silent)
  }
  if (body === null && text) {
    throw told(new ApiError(resp.status, 'bad_response', '服务器返回的数据格式有误'), !opts.silent)
  }
  return body as T
}

/** A write (POST, PATCH…) with a JSON body and the same Chinese errors as getJson. `silent` leaves
 * the message to the caller, e.g. a dialog that shows the password policy next to the field. */
export async function sendJson<T>(method: string, path: string, body?: unknown, opts: { silent?: boolean } = {}): Promise<T> {
  let resp: Response
  try {
    resp = await fetch(buildUrl(path), {
      method,
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  } catch {
    const err = new ApiError(0, 'network_error', '网络异常，无法连接服务器')
    if (!opts.silent) ElMessage.error(err.message)
    throw err
  }
  const text = await resp.text()
  let data: unknown = null
  try {
    data = text ? (JSON.parse(text) as unknown) : null
  } catch {
    data = null // a proxy's HTML error page: the status still gets a Chinese message below
  }
  if (!resp.ok) {
    const b = (data ?? {}) as { code?: unknown; message?: unknown }
    const message = typeof b.message === 'string' && b.message ? b.message : fallbackMessage(resp.status)
    const err = new ApiError(resp.status, typeof b.code === 'string' ? b.code : `http_${resp.status}`, message)
    if (!opts.silent) ElMessage.error(err.message)
    throw err
  }
  return data as T
}
