// One-sentence event search (一句话搜事件): /api/v1/events/search*.
import { API_BASE, ApiError, getJson, told } from './http'

export interface PlaceFilter {
  kind: 'village' | 'road' | 'enterprise' | 'camera'
  id: string
  name: string
  town: string | null
  radius_m: number | null
}

export interface EventFilter {
  time_from: string | null
  time_to: string | null
  time_text: string | null
  towns: string[]
  places: PlaceFilter[]
  event_types: string[]
  levels: string[]
  statuses: string[]
  sources: string[]
  keywords: string[]
  leftovers: string[]
}

export interface EventRow {
  id: string
  occurred_at: string
  town: string
  event_type: string
  level: string
  status: string
  source: string
  description: string
  place: string
  enterprise_id: string | null
  camera_id: string | null
  distance_m: number | null
}

export interface EventSearchResult {
  sentence: string | null
  filter: EventFilter
  results: EventRow[]
  total: number
  page: number
  size: number
  used_llm: boolean
  warnings: string[]
  latency_ms: number
  understood: boolean
  hint: string | null
  examples: string[]
}

export interface HistoryItem {
  id: string
  sentence: string
  filter: EventFilter | null
  total: number
  created_at: string
}

export interface Suggestion {
  text: string
  source: 'history' | 'popular' | 'template'
  score: number
}

/** POST/DELETE with the same error contract as getJson: failures raise ApiError with a Chinese message. */
async function send<T>(method: 'POST' | 'DELETE', path: string, body?: unknown, query = ''): Promise<T> {
  let resp: Response
  try {
    resp = await fetch(`${API_BASE}${path}${query}`, {
      method,
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  } catch {
    throw told(new ApiError(0, 'network_error', '网络异常，无法连接服务器'))
  }
  const data = (await resp.json().catch(() => null)) as Record<string, unknown> | null
  if (!resp.ok) {
    const message = typeof data?.message === 'string' ? data.message : `请求失败（HTTP ${resp.status}）`
    throw told(new ApiError(resp.status, typeof data?.code === 'string' ? data.code : `http_${resp.status}`, message))
  }
  return data as T
}

export const eventsApi = {
  // POST, not GET ?q=: the search is kept in the user's history, a write the API audits.
  // A blank box lists the newest events and keeps no history: the read-only GET is enough.
  search: (q: string, page = 1, size = 20) =>
    q
      ? send<EventSearchResult>('POST', '/events/search', { sentence: q }, `?page=${page}&size=${size}`)
      : getJson<EventSearchResult>('/events/search', { params: { q, page, size } }),
  searchFilter: (filter: EventFilter, sentence: string | null, page = 1, size = 20) =>
    send<EventSearchResult>('POST', '/events/search', { filter, sentence }, `?page=${page}&size=${size}`),
  history: () => getJson<HistoryItem[]>('/events/search/history'),
  clearHistory: () => send<{ cleared: number }>('DELETE', '/events/search/history'),
  suggestions: (prefix: string) =>
    getJson<Suggestion[]>('/events/search/suggestions', { params: { prefix, limit: 10 }, silent: true }),
}
