import { API_BASE, ApiError } from './http'

export interface Citation {
  kind: 'template' | 'cypher' | 'resource' | 'plan'
  ref: string
  title: string
  query: string
  params: Record<string, unknown>
  columns: string[]
  rows: Record<string, unknown>[]
  row_count: number
  text: string
}

export interface ChatMeta {
  intent: string | null
  path: string
  query: string
  conversation_id: string | null
  slots: Record<string, unknown>
}

export interface ChatDone {
  answer: string
  latency_ms: number
  turn_id: string | null
  columns: string[]
  row_count: number
  notice: string
}

export interface ChatHandlers {
  onMeta?: (m: ChatMeta) => void
  onToken?: (text: string) => void
  onCitations?: (c: Citation[]) => void
  onDone?: (d: ChatDone) => void
}

export interface ConversationSummary {
  id: string
  title: string
  created_at: number
  updated_at: number
  turns: number
}

export interface StoredTurn {
  id: string
  seq: number
  question: string
  answer: string
  intent: string | null
  path: string
  /** where the answer came from, as when it was given (absent for turns stored before they were kept) */
  citations?: Citation[]
}

export interface ConversationDetail extends ConversationSummary {
  items: StoredTurn[]
}

async function failure(resp: Response): Promise<ApiError> {
  let message = `请求失败（HTTP ${resp.status}）`
  let code = 'http_error'
  try {
    const body = await resp.json()
    message = body.message ?? message
    code = body.code ?? code
  } catch {
    /* not JSON */
  }
  return new ApiError(resp.status, code, message)
}

const NETWORK_ERROR = '网络异常，无法连接服务器'
const STREAM_BROKEN = '回答传输中断，请重试'

/** fetch that fails with a Chinese ApiError: the browser's own TypeError ("Failed to fetch") is
 * English and says nothing to a duty officer. */
async function request(url: string, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init)
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e
    throw new ApiError(0, 'network_error', NETWORK_ERROR)
  }
}

/** POST /chat and read the SSE stream (EventSource cannot POST, so fetch + a stream reader). */
export async function askStream(
  question: string,
  conversationId: string | null,
  handlers: ChatHandlers,
  signal?: AbortSignal,
): Promise<void> {
  const resp = await request(`${API_BASE}/chat`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
    body: JSON.stringify({ question, conversation_id: conversationId, stream: true }),
    signal,
  })
  if (!resp.ok || !resp.body) throw await failure(resp)
  const reader = resp.body.getReader()
  const decoder = new TextDecoder()
  let buffer = ''
  let finished = false
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>
    try {
      chunk = await reader.read()
    } catch (e) {
      if (e instanceof DOMException && e.name === 'AbortError') throw e
      throw new ApiError(0, 'stream_broken', STREAM_BROKEN)
    }
    if (chunk.done) break
    buffer += decoder.decode(chunk.value, { stream: true })
    let cut: number
    while ((cut = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, cut)
      buffer = buffer.slice(cut + 2)
      const event = /^event: (.*)$/m.exec(block)?.[1]
      const data = /^data: (.*)$/m.exec(block)?.[1]
      if (!event || data === undefined) continue
      let payload
      try {
        payload = JSON.parse(data)
      } catch {
        throw new ApiError(resp.status, 'bad_response', '服务器返回的数据格式有误')
      }
      if (event === 'meta') handlers.onMeta?.(payload)
      else if (event === 'token') handlers.onToken?.(payload.text)
      else if (event === 'citations') handlers.onCitations?.(payload.citations)
      else if (event === 'done') {
        finished = true
        handlers.onDone?.(payload)
      }
    }
  }
  // A stream that ends before its done event was cut off (server restart, proxy timeout): the
  // answer so far is incomplete and must not pass for a whole one.
  if (!finished) throw new ApiError(0, 'stream_broken', STREAM_BROKEN)
}

/** Newest first, `limit` at a time from `offset`; fewer than `limit` back means the last page. */
export async function listConversations(limit = 50, offset = 0): Promise<ConversationSummary[]> {
  const resp = await request(`${API_BASE}/chat/conversations?limit=${limit}&offset=${offset}`)
  if (!resp.ok) throw await failure(resp)
  return resp.json()
}

export async function getConversation(id: string): Promise<ConversationDetail> {
  const resp = await request(`${API_BASE}/chat/conversations/${encodeURIComponent(id)}`)
  if (!resp.ok) throw await failure(resp)
  return resp.json()
}

export async function deleteConversation(id: string): Promise<void> {
  const resp = await request(`${API_BASE}/chat/conversations/${encodeURIComponent(id)}`, { method: 'DELETE' })
  if (!resp.ok) throw await failure(resp)
}
