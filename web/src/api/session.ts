/**
 * Login session (ADR 0017). In token mode the server answers 401 to every /api/v1 call without a
 * valid session; the console then shows the login page. The token lives in sessionStorage (gone
 * when the tab closes) and is added to every same-origin /api/ request by one fetch wrapper, so
 * the existing API modules need no change.
 */
import { reactive } from 'vue'
import { forgetUserCaches } from './index'

const KEY = 'safecloud.token'

export interface Me {
  mode: 'dev' | 'token'
  username: string
  display_name: string
  scope: { level: 'city' | 'town' | 'enterprise'; town: string | null; enterprise_id: string | null }
  scope_label: string
  admin: boolean
  must_change_password: boolean // set by an administrator's reset: only the change form is shown
}

export const session = reactive({
  ready: false, // the first /auth/me has answered
  needLogin: false,
  me: null as Me | null,
  warning: '' as string, // 异常登录提醒 from the last login
})

export function token(): string | null {
  return sessionStorage.getItem(KEY)
}

function isApi(url: string): boolean {
  const u = new URL(url, window.location.origin)
  return u.origin === window.location.origin && u.pathname.startsWith('/api/')
}

/** Wrap window.fetch once: add the bearer token, and on a 401 (other than a refused login) drop
 * the token and ask for a login again (session expired, logged out elsewhere, account disabled). */
export function installFetchAuth(): void {
  const original = window.fetch.bind(window)
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
    if (!isApi(url)) return original(input, init)
    const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined))
    const t = token()
    if (t && !headers.has('Authorization')) headers.set('Authorization', `Bearer ${t}`)
    const resp = await original(input, { ...init, headers })
    if (resp.status === 401 && !url.includes('/api/v1/auth/login')) {
      forgetUserCaches()
      sessionStorage.removeItem(KEY)
      session.me = null
      session.needLogin = true
    } else if (resp.status === 403 && session.me) {
      // The password was reset while this tab was open: show the change form, not a failed view.
      const me = session.me
      resp
        .clone()
        .json()
        .then((b: { code?: string }) => {
          if (b?.code === 'password_change_required') me.must_change_password = true
        })
        .catch(() => undefined)
    }
    return resp
  }
}

async function errorMessage(resp: Response, failed = '登录失败'): Promise<string> {
  try {
    const body = await resp.json()
    if (typeof body?.message === 'string' && body.message) return body.message
  } catch {
    /* not JSON */
  }
  return `${failed}（HTTP ${resp.status}）`
}

/** Ask the server who we are; a 401 means token mode without a session: show the login page. */
export async function refreshSession(): Promise<void> {
  try {
    const resp = await fetch('/api/v1/auth/me', { headers: { Accept: 'application/json' } })
    if (resp.ok) {
      session.me = (await resp.json()) as Me
      session.needLogin = false
    } else if (resp.status === 401) {
      session.needLogin = true
    }
  } catch {
    /* network down: the views report it themselves */
  } finally {
    session.ready = true
  }
}

/** Log in; throws an Error with the server's Chinese message (用户名或密码错误, 账号已锁定…). */
export async function login(username: string, password: string): Promise<void> {
  let resp: Response
  try {
    resp = await fetch('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ username, password }),
    })
  } catch {
    throw new Error('网络异常，无法连接服务器')
  }
  if (!resp.ok) throw new Error(await errorMessage(resp))
  const body = (await resp.json()) as { token: string; warning: string | null }
  sessionStorage.setItem(KEY, body.token)
  forgetUserCaches() // the towns an administrator loaded are not this officer's
  session.warning = body.warning ?? ''
  await refreshSession()
}

/** Change one's own password (also the forced change). The server ends every session of the
 * account, so log in again with the new password; throws an Error with the server's message. */
export async function changePassword(oldPassword: string, newPassword: string): Promise<void> {
  const username = session.me?.username
  let resp: Response
  try {
    resp = await fetch('/api/v1/auth/password', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ old_password: oldPassword, new_password: newPassword }),
    })
  } catch {
    throw new Error('网络异常，无法连接服务器')
  }
  if (!resp.ok) throw new Error(await errorMessage(resp, '修改密码失败'))
  if (session.me?.mode === 'token' && username) await login(username, newPassword)
}

export async function logout(): Promise<void> {
  try {
    await fetch('/api/v1/auth/logout', { method: 'POST' })
  } finally {
    forgetUserCaches()
    sessionStorage.removeItem(KEY)
    session.me = null
    session.needLogin = true
  }
}

/** 全市 / 华士镇 / 企业 9132… for the header. */
export function scopeText(me: Me): string {
  if (me.scope.level === 'town') return me.scope.town ?? ''
  if (me.scope.level === 'enterprise') return `企业 ${me.scope.enterprise_id ?? ''}`
  return '全市'
}
