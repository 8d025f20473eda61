/** 统一用户管理 (ADR 0017): the administrator's calls. The API refuses everyone else with 403. */
import { getJson, sendJson } from './http'

export type Role = 'admin' | 'officer'

export interface Scope {
  level: 'city' | 'town' | 'enterprise'
  town?: string | null
  enterprise_id?: string | null
}

export interface ManagedUser {
  username: string
  display_name: string
  scope: Scope
  scope_label: string
  role: Role
  enabled: boolean
  failed_attempts: number
  locked_until: number | null
  last_login_at: number | null
  created_at: number
  must_change_password: boolean
}

/** A live session of an account: when it began and ends, and where the login came from (the client
 * address behind a trusted proxy, else the socket peer; '' for sessions recorded before that). */
export interface UserSession {
  created_at: number
  expires_at: number
  client: string
  user_agent: string
}

export interface NewUser {
  username: string
  password: string
  display_name: string
  scope: Scope
  role: Role
}

export interface UserUpdate {
  display_name?: string
  scope?: Scope
  role?: Role
}

const seg = encodeURIComponent
const quiet = { silent: true } // dialogs show the server's message next to the form

export const usersApi = {
  list: () => getJson<ManagedUser[]>('/users'),
  create: (u: NewUser) => sendJson<ManagedUser>('POST', '/users', u, quiet),
  update: (name: string, u: UserUpdate) => sendJson<ManagedUser>('PATCH', `/users/${seg(name)}`, u, quiet),
  setEnabled: (name: string, enabled: boolean) =>
    sendJson<ManagedUser>('POST', `/users/${seg(name)}/${enabled ? 'enable' : 'disable'}`),
  resetPassword: (name: string, password: string) =>
    sendJson<ManagedUser>('POST', `/users/${seg(name)}/password`, { password }, quiet),
  sessions: (name: string) => getJson<UserSession[]>(`/users/${seg(name)}/sessions`),
  endSessions: (name: string) => sendJson<{ ended: number }>('DELETE', `/users/${seg(name)}/sessions`, undefined, quiet),
}

export const ROLE_TEXT: Record<Role, string> = { admin: '管理员', officer: '普通用户' }

/** 全市 / 华士镇 / 企业 9132… */
export function scopeText(scope: Scope): string {
  if (scope.level === 'town') return scope.town ?? ''
  if (scope.level === 'enterprise') return `企业 ${scope.enterprise_id ?? ''}`
  return '全市'
}

/** The policy the server enforces (core/auth.py), said before the administrator types. */
export const PASSWORD_HINT = '至少 10 位，须同时包含字母和数字（半角），不能包含用户名，首尾不能是空格'
