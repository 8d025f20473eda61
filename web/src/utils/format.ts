// Formatting helpers. All dates are shown in Asia/Shanghai regardless of the browser's zone.

const TZ = 'Asia/Shanghai'

const dateTimeFmt = new Intl.DateTimeFormat('zh-CN', {
  timeZone: TZ,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})

const dateFmt = new Intl.DateTimeFormat('zh-CN', {
  timeZone: TZ,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})

function parts(fmt: Intl.DateTimeFormat, ms: number): Record<string, string> {
  const out: Record<string, string> = {}
  for (const p of fmt.formatToParts(new Date(ms))) out[p.type] = p.value
  return out
}

function valid(ms: number | null | undefined): ms is number {
  return typeof ms === 'number' && Number.isFinite(ms)
}

/** epoch ms → "2024年05月01日 13:45" (Asia/Shanghai). */
export function fmtDateTime(ms: number | null | undefined): string {
  if (!valid(ms)) return '—'
  const p = parts(dateTimeFmt, ms)
  return `${p.year}年${p.month}月${p.day}日 ${p.hour}:${p.minute}`
}

/** epoch ms → "2024年05月01日" (Asia/Shanghai). */
export function fmtDate(ms: number | null | undefined): string {
  if (!valid(ms)) return '—'
  const p = parts(dateFmt, ms)
  return `${p.year}年${p.month}月${p.day}日`
}

/** 0..1 → "87.5%" */
export function fmtPercent(rate: number | null | undefined, digits = 1): string {
  if (typeof rate !== 'number' || !Number.isFinite(rate)) return '—'
  return `${(rate * 100).toFixed(digits)}%`
}

/** metres → "350 米" / "1.2 公里" */
export function fmtDistance(m: number | null | undefined): string {
  if (typeof m !== 'number' || !Number.isFinite(m)) return '—'
  if (m < 1000) return `${Math.round(m)} 米`
  return `${(m / 1000).toFixed(1)} 公里`
}

/** yuan → "¥12,345" or "3.50 万元" */
export function fmtMoney(yuan: number | null | undefined): string {
  if (typeof yuan !== 'number' || !Number.isFinite(yuan)) return '—'
  if (Math.abs(yuan) >= 10000) return `${(yuan / 10000).toFixed(2)} 万元`
  return `${yuan.toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 元`
}

export function fmtNumber(n: number | null | undefined): string {
  if (typeof n !== 'number' || !Number.isFinite(n)) return '—'
  return n.toLocaleString('zh-CN')
}

const LEVEL_CN = ['', '一级', '二级', '三级', '四级']
/** Major hazard source level 1..4 → "一级".."四级" */
export function fmtSourceLevel(level: number | string): string {
  const n = Number(level)
  return LEVEL_CN[n] ?? `${level}级`
}

/** Element Plus tag type for a responsibility class. A is treated as the highest-priority class. */
export function classTagType(cls: string): 'danger' | 'warning' | 'primary' | 'success' | 'info' {
  switch (cls) {
    case 'A':
      return 'danger'
    case 'B':
      return 'warning'
    case 'C':
      return 'primary'
    case 'D':
      return 'success'
    default:
      return 'info'
  }
}

export const PALETTE = [
  '#2f7de1',
  '#16b1a6',
  '#f0a020',
  '#e04f3a',
  '#7b61d9',
  '#3fb950',
  '#8a96a8',
  '#d66bb5',
  '#1f9bd1',
  '#a0522d',
  '#5c7cfa',
  '#c2255c',
]

export const GROUP_COLORS: Record<string, string> = {
  工贸: '#2f7de1',
  危化: '#e04f3a',
  其他: '#8a96a8',
}

export const GRADE_COLORS: Record<string, string> = {
  红: '#e04f3a',
  黄: '#e6a23c',
  蓝: '#2f7de1',
}

const CLOSED_STATUS = /已整改|已销号|已完成|已关闭|已验收|rectified|closed|done/i
export function isHazardClosed(status: string | null | undefined): boolean {
  return !!status && CLOSED_STATUS.test(status)
}

export function isHazardOverdue(
  h: { status: string; deadline: number | null; overdue?: boolean },
  now = Date.now(),
): boolean {
  if (typeof h.overdue === 'boolean') return h.overdue
  return !isHazardClosed(h.status) && valid(h.deadline) && h.deadline < now
}

const USCC_RE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/
/** Shape check only (GB 32100 charset/length): lessor ids of natural persons are not USCCs. */
export function looksLikeUscc(id: string | null | undefined): boolean {
  return !!id && USCC_RE.test(id)
}

const HTML_ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
/** Escape text interpolated into HTML strings (ECharts tooltips, Leaflet labels). */
export function escapeHtml(s: string | null | undefined): string {
  return String(s ?? '').replace(/[&<>"']/g, (ch) => HTML_ESC[ch] ?? ch)
}

const MINUTE = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
})
/** An ISO instant as Beijing date and time to the minute (2026/11/27 08:30); '' for none. */
export const minuteTime = (iso: string | null) => (iso ? MINUTE.format(new Date(iso)) : '')
