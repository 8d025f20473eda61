// Digital emergency plans (数字化预案) API: types and calls. Kept apart from api/index.ts so the
// plan pages stay one additive module.
import { API_BASE, ApiError, getJson, told } from './http'

export type PlanType = '总体' | '专项' | '部门' | '现场处置方案'
export type LevelName = '一级' | '二级' | '三级' | '四级'
export type ReviewStatus = 'pending' | 'accepted' | 'edited' | 'rejected'

export const PLAN_TYPES: PlanType[] = ['总体', '专项', '部门', '现场处置方案']
export const LEVELS: LevelName[] = ['一级', '二级', '三级', '四级']
export const SKELETON = ['总则', '组织机构及职责', '预警', '应急响应', '后期处置', '应急保障', '附件']

export interface PlanSummary {
  id: string
  title: string
  plan_type: string
  issuing_unit: string
  town: string | null
  enterprise_id: string | null
  accident_category: string | null
  status: string
  enabled_version_id: string | null
  enabled_version_no: string | null
  created_at: number
  parents: string[]
  children: string[]
}

export interface PlanPage {
  total: number
  page: number
  size: number
  items: PlanSummary[]
}

export interface SourceRef {
  field: string
  page: number | null
  paragraph: number
  start: number
  end: number
  confidence: number
  method: string
}

export interface ReviewField {
  field: string
  section: string
  value: unknown
  status: ReviewStatus
  confidence: number | null
  source: SourceRef | null
  /** The author's text of the source block when the importer rewrote it (Q/A pair, bullet, table row). */
  source_origin?: string | null
}

export interface SourceBlock {
  paragraph: number
  page: number | null
  kind: string
  text: string
  heading_level: number | null
  number: string | null
  origin_paragraph?: number | null
  origin_text?: string | null
}

export interface ReviewView {
  plan_id: string
  version_id: string
  version_no: string
  issue_status: string
  blocks: SourceBlock[]
  fields: ReviewField[]
  counts: Record<ReviewStatus, number>
}

export interface Decision {
  field: string
  action: 'accept' | 'edit' | 'reject'
  value?: unknown
}

export interface VersionView {
  id: string
  plan_id: string
  version_no: string
  issue_status: string
  issued_at: string | null
  enabled: boolean
  town: string | null
  enterprise_id: string | null
  accident_category: string | null
  source_sha256: string | null
  source_filename: string | null
  created_at: number
  created_by: string
  copied_from: string | null
  seq: number
}

export interface FieldChange {
  field: string
  change: 'added' | 'removed' | 'changed'
  old: unknown
  new: unknown
}

export interface UnmatchedLink {
  kind: 'person' | 'resource'
  field: string
  text: string
  reason: string
  candidates: string[]
}

export interface ProjectionReport {
  plan_id: string
  version_id: string | null
  facts: Record<string, number>
  linked: Record<string, number>
  unmatched: UnmatchedLink[]
  chunks_indexed: number
}

export interface UploadResult {
  plan_id: string
  version_id: string
  sha256: string
  report: Record<string, unknown>
}

export interface TemplateModule {
  skeleton: string
  title: string
  default_text: string
}

export interface TemplateInput {
  name: string
  plan_type: PlanType
  accident_category: string | null
  description: string
  modules: TemplateModule[]
}

export interface TemplateView extends TemplateInput {
  id: string
  created_at: number
  updated_at: number
}

export interface TemplatePreview {
  template: TemplateView
  outline: { skeleton: string; modules: { title: string; text: string }[] }[]
}

export interface PlanPassage {
  plan_id: string
  title: string
  version_no: string
  section: string
  skeleton: string | null
  levels: string[]
  page: number | null
  paragraph: number
  text: string
  score: number
}

export interface PlanStats {
  by_type: Record<string, number>
  by_status: Record<string, number>
  by_level: Record<string, number>
  by_jurisdiction: Record<string, number>
  uncovered_hazard_enterprises: { uscc: string; name: string; town: string; sources: number }[]
  missing_resources: { plan_id: string; title: string; resource: string; type: string; matched_id: string }[]
}

export interface SystemNode {
  id: string
  title: string
  plan_type: string
  town: string | null
  enterprise_id: string | null
  status: string
  tier: string
  parents: string[]
}

export interface SystemGraph {
  nodes: SystemNode[]
  edges: { source: string; target: string }[]
  // live plans without a parent for which no parent exists, and which level is missing (Chinese)
  orphans?: { id: string; title: string; tier: string; reason: string }[]
}

export interface PlanFacts {
  levels: { id: string; level: string; name: string | null; trigger: string | null; commander: string | null; actions: string[] }[]
  units: { id: string; name: string; duties: string[]; parent: string[]; departments: string[] }[]
  roles: { id: string; unit: string; title: string; holder: string | null; persons: string[]; departments: string[] }[]
  resources: { id: string; type: string; name: string; linked: string[]; matched_id: string | null }[]
  accident_types: string[]
  towns: string[]
  enterprises: string[]
  hazard_sources: string[]
}

export interface ResponseGuide {
  plan_id: string
  title: string
  version_no: string | null
  town: string | null
  enterprise_id: string | null
  level: string
  trigger: string | null
  commander: string | null
  actions: string[]
  roles: { unit: string; title: string; holder: string | null; persons: string[]; departments: string[] }[]
  resources: { type: string; name: string; linked: string[] }[]
}

/** Non-GET calls (JSON or multipart) with the same Chinese error handling as getJson. */
async function send<T>(method: string, path: string, body?: unknown, params?: Record<string, string>): Promise<T> {
  const qs = params ? `?${new URLSearchParams(params).toString()}` : ''
  const isForm = body instanceof FormData
  let resp: Response
  try {
    resp = await fetch(`${API_BASE}${path}${qs}`, {
      method,
      headers: isForm ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : isForm ? (body as FormData) : JSON.stringify(body),
    })
  } catch {
    throw told(new ApiError(0, 'network_error', '网络异常，无法连接服务器'))
  }
  const text = await resp.text()
  let data: unknown = null
  try {
    data = text ? (JSON.parse(text) as unknown) : null
  } catch {
    // A proxy's HTML error page (413, 502) is not JSON: the status still gets a Chinese message.
    if (resp.ok) throw told(new ApiError(resp.status, 'bad_response', '服务器返回的数据格式有误'))
  }
  if (!resp.ok) {
    const b = (data ?? {}) as { code?: string; message?: string }
    throw told(new ApiError(resp.status, b.code ?? `http_${resp.status}`, b.message ?? `请求失败（HTTP ${resp.status}）`))
  }
  return data as T
}

const seg = encodeURIComponent

export const plansApi = {
  list: (params: { type?: string; town?: string; status?: string; q?: string; page?: number; size?: number }) =>
    getJson<PlanPage>('/plans', { params }),
  get: (id: string) => getJson<PlanSummary>(`/plans/${seg(id)}`),
  upload: (form: FormData) => send<UploadResult>('POST', '/plans', form),
  retire: (id: string) => send<PlanSummary>('DELETE', `/plans/${seg(id)}`),
  restore: (id: string) => send<PlanSummary>('POST', `/plans/${seg(id)}/restore`),
  facts: (id: string) => getJson<PlanFacts>(`/plans/${seg(id)}/facts`),
  review: (id: string, versionId?: string) =>
    getJson<ReviewView>(`/plans/${seg(id)}/review`, { params: { version_id: versionId } }),
  patchReview: (id: string, versionId: string, decisions: Decision[], acceptAbove?: number) =>
    send<ReviewView>(
      'PATCH',
      `/plans/${seg(id)}/review`,
      { decisions, accept_above: acceptAbove ?? null },
      { version_id: versionId },
    ),
  versions: (id: string) => getJson<VersionView[]>(`/plans/${seg(id)}/versions`),
  createVersion: (id: string, body: Record<string, unknown>) => send<VersionView>('POST', `/plans/${seg(id)}/versions`, body),
  versionAction: (id: string, versionId: string, action: 'publish' | 'enable' | 'disable' | 'rollback') =>
    send<ProjectionReport>('POST', `/plans/${seg(id)}/versions/${seg(versionId)}/${action}`),
  diff: (id: string, from: string, to: string) => getJson<FieldChange[]>(`/plans/${seg(id)}/diff`, { params: { from, to } }),
  search: (q: string, level?: string, planType?: string) =>
    getJson<PlanPassage[]>('/plans/search', { params: { q, level, plan_type: planType } }),
  stats: () => getJson<PlanStats>('/plans/stats'),
  response: (level: string, town?: string, accidentType?: string) =>
    getJson<ResponseGuide[]>('/plans/response', { params: { level, town, accident_type: accidentType } }),
  system: () => getJson<SystemGraph>('/plans/system'),
  createNode: (body: Record<string, unknown>) => send<PlanSummary>('POST', '/plans/nodes', body),
  updateNode: (id: string, body: Record<string, unknown>) => send<PlanSummary>('PUT', `/plans/${seg(id)}/node`, body),
  fromTemplate: (body: Record<string, unknown>) => send<{ plan_id: string; version_id: string }>('POST', '/plans/from-template', body),
  templates: () => getJson<TemplateView[]>('/plan-templates'),
  createTemplate: (body: TemplateInput) => send<TemplateView>('POST', '/plan-templates', body),
  updateTemplate: (id: string, body: TemplateInput) => send<TemplateView>('PUT', `/plan-templates/${seg(id)}`, body),
  deleteTemplate: (id: string) => send<null>('DELETE', `/plan-templates/${seg(id)}`),
  previewTemplate: (id: string) => getJson<TemplatePreview>(`/plan-templates/${seg(id)}/preview`),
}

export const STATUS_TEXT: Record<ReviewStatus, string> = {
  pending: '待审核',
  accepted: '已确认',
  edited: '已修改',
  rejected: '已驳回',
}

export const STATUS_TAG: Record<ReviewStatus, 'info' | 'success' | 'warning' | 'danger'> = {
  pending: 'info',
  accepted: 'success',
  edited: 'warning',
  rejected: 'danger',
}

export function fmtValue(v: unknown): string {
  if (v === null || v === undefined) return ''
  return typeof v === 'object' ? JSON.stringify(v) : String(v)
}
