// Fixed Chinese texts of the duty chat page (example questions per scope, answer-path names) and
// how citation cells are shown.

import type { Citation } from '../api/chat'

// [question, the town it names for city users]; a town officer sees their own town, a firm's users
// the questions that name none (an example naming another town is refused by their scope).
const EXAMPLE_TEMPLATES: [string, string | null][] = [
  ['{town}现在谁值班？', '澄江街道'],
  ['{town}有哪些二级重大危险源企业？', '临港'],
  ['逾期未整改的重大隐患有哪些？', null],
  ['今天有哪些动火作业？', null],
  ['离{town}最近的危化救援队', '华士镇'],
  ['昨天{town}有什么告警', '华士镇'],
]
export function examplesFor(scope: Record<string, unknown>): string[] {
  const town = scope.level === 'town' && typeof scope.town === 'string' ? scope.town : null
  return EXAMPLE_TEMPLATES.filter(([, cityTown]) => cityTown === null || scope.level !== 'enterprise').map(
    ([text, cityTown]) => (cityTown === null ? text : text.replace('{town}', town ?? cityTown)),
  )
}

export const PATHS: Record<string, string> = {
  template: '模板查询',
  llm_template: '模板查询（大模型选择）',
  compound: '组合模板查询',
  aggregate: '模板汇总排名',
  derived: '模板计数计算（占比、增长率）',
  cypher: '自动生成查询',
  refusal: '提示',
  clarify: '需要澄清',
}

// Columns whose values are enterprise credit codes: rendered as links to the portrait page.
const ENTERPRISE_COLUMNS = new Set(['enterprise_id', 'uscc'])

export function isEnterpriseColumn(c: Citation, column: string): boolean {
  return ENTERPRISE_COLUMNS.has(column) || (column === 'id' && ['enterprise_list', 'enterprise_profile', 'hazard_source_enterprises', 'lessees_of_lessor'].includes(c.ref))
}

export function cell(v: unknown): string {
  if (v === null || v === undefined) return '—'
  if (Array.isArray(v)) return v.join('、')
  return String(v)
}
