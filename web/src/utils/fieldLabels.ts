// Chinese names for the review page's extracted fields. The API names a field by its JSON
// pointer into the plan document (/org_units/0/roles/1/holder); a reviewer at a town office
// should read "应急机构 1 › 岗位 2 › 担任人", not the pointer. Unknown keys keep their name.

const KEYS: Record<string, string> = {
  title: '预案名称',
  plan_type: '预案类型',
  issuing_unit: '编制单位',
  version: '版本号',
  issued_at: '发布日期',
  scope: '适用范围',
  purpose: '编制目的',
  basis: '编制依据',
  accident_types: '事故类型',
  warning_levels: '预警级别',
  response_levels: '响应级别',
  org_units: '应急机构',
  reporting: '信息报告',
  resources: '应急资源',
  contacts: '联系人',
  sections: '章节',
  level: '级别',
  color: '颜色',
  criteria: '发布条件',
  name: '名称',
  trigger: '启动条件',
  commander: '指挥',
  actions: '响应措施',
  roles: '岗位',
  holder: '担任人',
  duties: '职责',
  parent: '上级机构',
  time_limit_minutes: '时限（分钟）',
  to: '报告对象',
  channel: '报告方式',
  type: '类型',
  quantity: '数量',
  unit: '单位',
  role: '职务',
  org: '单位',
  phone: '电话',
  heading: '标题',
  text: '内容',
  skeleton: '所属章节',
  town: '适用镇街',
  enterprise_id: '适用企业',
  accident_category: '事故类别',
}

/** "/org_units/0/roles/1/holder" → "应急机构 1 › 岗位 2 › 担任人" (list items counted from 1). */
export function fieldLabel(pointer: string): string {
  const parts: string[] = []
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~')
    if (/^\d+$/.test(key) && parts.length) parts[parts.length - 1] += ` ${Number(key) + 1}`
    else parts.push(KEYS[key] ?? key)
  }
  return parts.join(' › ') || pointer
}
