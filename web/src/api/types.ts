// Types mirroring the SafeCloud REST contract (/api/v1). Keep in sync with the backend.

export type CategoryGroup = '工贸' | '危化' | '其他'
export type ResponsibilityClass = 'A' | 'B' | 'C' | 'D'

export interface EnterpriseSummary {
  uscc: string
  name: string
  town: string
  category: string
  category_group: CategoryGroup | string
  scale: string
  responsibility_class: ResponsibilityClass | string
  address: string
  lat: number | null
  lon: number | null
  key_domains: string[]
  tags: string[]
}

export interface Enterprise extends EnterpriseSummary {
  legal_rep: string
  safety_officer: string
  phone: string | null
  village: string | null
  is_lessor: boolean
  serious_dishonesty: boolean
  employees: number
}

export interface Page<T> {
  total: number
  page: number
  size: number
  items: T[]
}

export interface Person {
  name: string
  role: string
  phone: string | null
}

export interface HazardSource {
  id: string
  name: string
  level: number
  r_value: number
}

export interface RecentHazard {
  id: string
  description: string
  level: '一般' | '重大' | string
  status: string
  source: string
  found_at: number
  deadline: number | null
  /** Server-computed overdue flag (backend extension); computed client-side when absent. */
  overdue?: boolean
}

export interface RecentAlert {
  id: string
  type: string
  level: string
  status: string
  occurred_at: number
}

export interface Portrait {
  enterprise: Enterprise
  people: { legal_rep: string; safety_officer: string; persons: Person[] }
  things: {
    hazard_sources: HazardSource[]
    sensors_total: number
    sensors_by_type: Record<string, number>
    cameras: number
    /** Contract field; the current backend sends risk_points instead — both are optional. */
    equipment?: number
    risk_points?: number
  }
  management: {
    inspections: number
    penalties: number
    penalty_amount: number
    hazards_total: number
    hazards_major: number
    hazards_open: number
    hazards_overdue: number
    rectification_rate: number
    recent_hazards: RecentHazard[]
  }
  environment: {
    town: string
    village: string | null
    neighbours: { uscc: string; name: string; distance_m: number }[]
    lessor: { uscc: string; name: string; grade: '红' | '黄' | '蓝' | string } | null
    lessees: { uscc: string; name: string; category: string }[]
  }
  monitoring: {
    sensors_total: number
    sensors_online: number
    online_rate: number
    recent_alerts: RecentAlert[]
  }
  performance: {
    current_class: ResponsibilityClass | string
    class_history: { year: number; class: string }[]
  }
}

export interface Town {
  name: string
  kind: '镇' | '街道' | '开发区' | string
  lat: number
  lon: number
  enterprise_count: number
}

export interface TownStats {
  town: string
  enterprises_total: number
  enterprises_by_category: Record<string, number>
  hazards: {
    total: number
    major: number
    general: number
    rectified: number
    open: number
    overdue: number
    rectification_rate: number
  }
  sensors: { total: number; online: number; online_rate: number }
  hazard_sources_by_level: Record<string, number>
  special_operations_today: number
}

export interface LessorNetwork {
  /** uscc is the lessor id: an enterprise USCC, or another id for natural-person/collective lessors. */
  lessor: { uscc: string; name: string; lessor_type: string; grade: string; town?: string }
  lessees: {
    uscc: string
    name: string
    category: string
    area_m2: number
    lease_start: number
    lease_end: number
    town?: string
    reviewed?: boolean
  }[]
}

export interface MapPoint {
  uscc: string
  name: string
  town: string
  category_group: CategoryGroup | string
  lat: number
  lon: number
}

export type ResourceType = 'team' | 'equipment' | 'expert'

export interface NearestResource {
  id: string
  name: string
  type: ResourceType | string
  lat: number
  lon: number
  distance_m: number
  detail: string
}

export interface AppConfig {
  map_tile_url: string | null
  data_scope: Record<string, unknown>
}

export interface Vocabularies {
  categories: string[]
  category_groups: string[]
  key_domains: string[]
  responsibility_classes: string[]
  hazard_levels: string[]
  hazard_statuses: string[]
  event_types: string[]
  event_levels: string[]
  event_statuses: string[]
  resource_types: string[]
}
