import { getJson, type RequestOptions } from './http'
import type {
  AppConfig,
  Enterprise,
  EnterpriseSummary,
  LessorNetwork,
  MapPoint,
  NearestResource,
  Page,
  Portrait,
  ResourceType,
  Town,
  TownStats,
  Vocabularies,
} from './types'

export * from './types'
export { ApiError } from './http'

type Extra = Omit<RequestOptions, 'params'>
const seg = encodeURIComponent

export interface EnterpriseQuery {
  q?: string
  town?: string
  category?: string
  page?: number
  size?: number
}

export const api = {
  enterprises: (query: EnterpriseQuery, o: Extra = {}) =>
    getJson<Page<EnterpriseSummary>>('/enterprises', { ...o, params: { ...query } }),
  enterprise: (uscc: string, o: Extra = {}) => getJson<Enterprise>(`/enterprises/${seg(uscc)}`, o),
  portrait: (uscc: string, o: Extra = {}) =>
    getJson<Portrait>(`/enterprises/${seg(uscc)}/portrait`, o),
  towns: (o: Extra = {}) => getJson<Town[]>('/towns', o),
  townStats: (name: string, o: Extra = {}) => getJson<TownStats>(`/towns/${seg(name)}/stats`, o),
  lessorNetwork: (uscc: string, o: Extra = {}) =>
    getJson<LessorNetwork>(`/lessors/${seg(uscc)}/network`, o),
  mapEnterprises: (town?: string, o: Extra = {}) =>
    // the whole city at once, as the map draws it (the API's default page is 2000 points)
    getJson<MapPoint[]>('/map/enterprises', { ...o, params: { town, limit: '5000' } }),
  nearestResources: (
    lat: number,
    lon: number,
    type: ResourceType,
    limit = 10,
    o: Extra = {},
  ) =>
    getJson<NearestResource[]>('/resources/nearest', { ...o, params: { lat, lon, type, limit } }),
  config: (o: Extra = {}) => getJson<AppConfig>('/config', o),
  vocabularies: (o: Extra = {}) => getJson<Vocabularies>('/vocabularies', o),
}

// Small session caches for rarely-changing reference data. Both depend on who is logged in (a town
// officer's towns are their own town), so they are dropped when the user changes.
let townsPromise: Promise<Town[]> | null = null
export function loadTowns(): Promise<Town[]> {
  if (!townsPromise) {
    townsPromise = api.towns().catch((e) => {
      townsPromise = null
      throw e
    })
  }
  return townsPromise
}

let configPromise: Promise<AppConfig> | null = null
export function loadConfig(): Promise<AppConfig> {
  if (!configPromise) {
    configPromise = api.config({ silent: true }).catch(() => {
      configPromise = null
      return { map_tile_url: null, data_scope: {} } as AppConfig
    })
  }
  return configPromise
}

/** Called at login and logout: the next user must not see the previous user's towns or scope. */
export function forgetUserCaches(): void {
  townsPromise = null
  configPromise = null
}
