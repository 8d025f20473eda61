import { createApp } from 'vue'
import App from './App.vue'
import { router } from './router'
import { installFetchAuth } from './api/session'
import 'element-plus/theme-chalk/base.css'
import './styles.css'

installFetchAuth() // before any view calls the API
createApp(App).use(router).mount('#app')
