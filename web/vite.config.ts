import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'

// SafeCloud web shell. Served by the FastAPI app at "/" (SPA fallback);
// the API lives under /api/v1 on the same origin.
export default defineConfig({
  base: '/',
  plugins: [
    vue(),
    // On-demand Element Plus components + their CSS (no full-library import).
    Components({
      dts: 'src/components.d.ts',
      resolvers: [ElementPlusResolver({ importStyle: 'css', directives: true })],
    }),
  ],
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: {
      '/api': { target: 'http://127.0.0.1:8000', changeOrigin: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    chunkSizeWarningLimit: 800,
    rollupOptions: {
      output: {
        // Only split the big, lazily-used chart/map libraries. Do NOT route element-plus
        // through manualChunks: doing so defeats its tree-shaking (whole library ends up bundled).
        manualChunks(id: string) {
          if (/node_modules\/(echarts|zrender)\//.test(id)) return 'echarts'
          if (/node_modules\/leaflet\//.test(id)) return 'leaflet'
          return undefined
        },
      },
    },
  },
})
