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
    path: '/chat',
    name: 'chat',
    component: () => import('./views/DutyChat.vue'),
    meta: { title: '值班问答', menu: '/chat' },
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
