// The parsed filter of the event search as removable chips (时间, 镇街, 地点…): each chip knows how to
// take itself out of a copy of the filter, so removing one re-runs the search on the rest.
import type { EventFilter } from '../api/events'
import { minuteTime as when } from './format'

type ListKey = 'towns' | 'places' | 'event_types' | 'levels' | 'statuses' | 'sources' | 'keywords'

export interface Chip {
  key: string
  label: string
  kind: '时间' | '镇街' | '地点' | '类型' | '级别' | '状态' | '来源' | '关键词'
  remove: (f: EventFilter) => void
}

function without<T>(list: T[], item: T): T[] {
  return list.filter((x) => x !== item)
}

export function filterChips(f: EventFilter | null): Chip[] {
  if (!f) return []
  const out: Chip[] = []
  if (f.time_from || f.time_to) {
    const range = `${when(f.time_from) || '…'} 至 ${when(f.time_to) || '…'}`
    out.push({
      key: 'time',
      kind: '时间',
      label: f.time_text ? `${f.time_text}（${range}）` : range,
      remove: (g) => {
        g.time_from = null
        g.time_to = null
        g.time_text = null
      },
    })
  }
  const simple: [ListKey, Chip['kind']][] = [
    ['towns', '镇街'],
    ['event_types', '类型'],
    ['levels', '级别'],
    ['statuses', '状态'],
    ['sources', '来源'],
    ['keywords', '关键词'],
  ]
  for (const [key, kind] of simple) {
    for (const v of f[key] as string[]) {
      out.push({ key: `${key}:${v}`, kind, label: v, remove: (g) => ((g[key] as string[]) = without(g[key] as string[], v)) })
    }
  }
  for (const p of f.places) {
    const radius = p.radius_m ? ` 周边${p.radius_m >= 1000 ? `${p.radius_m / 1000}公里` : `${p.radius_m}米`}` : ''
    out.push({
      key: `place:${p.kind}:${p.id}`,
      kind: '地点',
      label: `${p.name || p.id}${radius}`,
      remove: (g) => (g.places = g.places.filter((x) => !(x.kind === p.kind && x.id === p.id))),
    })
  }
  return out
}
