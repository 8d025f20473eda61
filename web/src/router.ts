import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'

const routes: RouteRecordRaw[] = [
  { path: '/', redirect: '/enterprises' },
  {
    path: '/enterprises',
    name: 'enterprises',
    component: () => import('./views/EnterpriseSearch.vue'),
    meta: { title: '企业检索', menu: '/enterprises' },
  },
  {
    path: '/enterprises/:uscc',
    name: 'portrait',
    component: () => import('./views/EnterprisePortrait.vue'),
    props: true,
    meta: { title: '企业画像', menu: '/enterprises' },
  },
  {
    path: '/towns',
    name: 'towns',
    component: () => import('./views/TownDashboard.vue'),
    meta: { title: '镇街看板', menu: '/towns' },
  },
  {
    path: '/map',
    name: 'map',
    component: () => import('./views/EnterpriseMap.vue'),
    meta: { title: '企业分布图', menu: '/map' },
  },
  {
    path: '/plans',
    name: 'plans',
    component: () => import('./views/plans/PlanList.vue'),
    meta: { title: '预案管理', menu: '/plans' },
  },
  {
    path: '/plans/system',
    name: 'plan-system',
    component: () => import('./views/plans/PlanSystem.vue'),
    meta: { title: '预案体系', menu: '/plans/system' },
  },
  {
    path: '/plans/stats',
    name: 'plan-stats',
    component: () => import('./views/plans/PlanStats.vue'),
    meta: { title: '预案统计与知识库', menu: '/plans/stats' },
  },
  {
    path: '/plan-templates',
    name: 'plan-templates',
    component: () => import('./views/plans/PlanTemplates.vue'),
    meta: { title: '预案模板', menu: '/plan-templates' },
  },
  {
    path: '/plans/:id/review',
    name: 'plan-review',
    component: () => import('./views/plans/PlanReview.vue'),
    props: (r) => ({ id: r.params.id, versionId: r.query.version }),
    meta: { title: '预案审核', menu: '/plans' },
  },
  {
    path: '/plans/:id/versions',
    name: 'plan-versions',
    component: () => import('./views/plans/PlanVersions.vue'),
    props: true,
    meta: { title: '预案版本', menu: '/plans' },
  },
  {
    path: '/events',
    name: 'events',
    component: () => import('./views/EventSearch.vue'),
    meta: { title: '事件检索', menu: '/events' },
  },
  {
    path: '/chat',
    name: 'chat',
    component: () => import('./views/DutyChat.vue'),
    meta: { title: '值班问答', menu: '/chat' },
  },
  {
    path: '/users',
    name: 'users',
    component: () => import('./views/users/UserManagement.vue'),
    meta: { title: '用户管理', menu: '/users' },
  },
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('./views/NotFound.vue'),
    meta: { title: '页面不存在' },
  },
]

export const router = createRouter({
  history: createWebHistory('/'),
  routes,
  scrollBehavior: () => ({ top: 0 }),
})

router.afterEach((to) => {
  const t = to.meta.title as string | undefined
  document.title = t ? `${t} - 江阴市安全云平台 SafeCloud` : '江阴市安全云平台 SafeCloud'
})
