import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

/** Libraries that change rarely go to their own chunks so that app changes do not bust them. */
function vendorChunk(id: string): string | undefined {
  if (!id.includes('node_modules')) return undefined;
  if (/node_modules\/(react|react-dom|scheduler|react-router|react-router-dom)\//.test(id)) return 'react';
  // antd, its rc-components and icons import each other: split apart they form circular chunks, so one chunk
  if (/node_modules\/(@ant-design|antd|@rc-component|rc-[^/]+)\//.test(id)) return 'antd';
  if (/node_modules\/(echarts|zrender)\//.test(id)) return 'echarts';
  return 'vendor';
}

export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The antd vendor chunk (~1 MB, ~325 kB gzip) is loaded once and cached; pages are lazy chunks of a few kB.
    chunkSizeWarningLimit: 1100,
    rollupOptions: { output: { manualChunks: vendorChunk } },
  },
  server: {
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
