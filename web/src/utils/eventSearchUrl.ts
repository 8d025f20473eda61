// The event search in the address bar: a reload or a shared link shows the same search.
//
// `q` is the sentence as typed; `f` is the filter as JSON, only once the user edited the chips (a
// sentence alone is parsed again, so the link stays short and readable); `p` the page after the
// first. A hand-edited or truncated `f` that is not a filter is ignored and the sentence runs.
import type { LocationQuery, LocationQueryRaw } from 'vue-router'
import type { EventFilter } from '../api/events'

export interface SearchInUrl {
  q: string
  filter: EventFilter | null
  page: number
}

const LISTS = ['towns', 'places', 'event_types', 'levels', 'statuses', 'sources', 'keywords', 'leftovers'] as const

function one(v: LocationQuery[string] | undefined): string {
  const s = Array.isArray(v) ? v[0] : v
  return typeof s === 'string' ? s : ''
}

function asFilter(text: string): EventFilter | null {
  if (!text) return null
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    return null
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return null
  const r = raw as Record<string, unknown>
  const str = (k: string) => (typeof r[k] === 'string' ? (r[k] as string) : null)
  const f = { time_from: str('time_from'), time_to: str('time_to'), time_text: str('time_text') } as EventFilter
  for (const k of LISTS) {
    const list = r[k] ?? []
    if (!Array.isArray(list)) return null
    ;(f[k] as unknown[]) = list
  }
  return f
}

export function searchFromQuery(query: LocationQuery): SearchInUrl | null {
  const q = one(query.q)
  const filter = asFilter(one(query.f))
  if (!q && !filter) return null
  const page = Number.parseInt(one(query.p), 10)
  return { q, filter, page: Number.isFinite(page) && page > 1 ? page : 1 }
}

export function searchToQuery(s: SearchInUrl): LocationQueryRaw {
  const out: LocationQueryRaw = {}
  if (s.q) out.q = s.q
  if (s.filter) out.f = JSON.stringify(s.filter)
  if (s.page > 1) out.p = String(s.page)
  return out
}
