import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { bundleBudget } from './build/bundle-budget.js';

// The portal is served by `sluice serve` at `/`; `npm run dev -w packages/web` proxies /api to a
// server on 127.0.0.1:7007.
export default defineConfig({
  plugins: [react(), bundleBudget({ initialGzipLimit: 400 * 1024 })],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 2000 },
  server: { proxy: { '/api': 'http://127.0.0.1:7007' } },
});
