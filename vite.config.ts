import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { compression } from 'vite-plugin-compression2';
import { visualizer } from 'rollup-plugin-visualizer';

export default defineConfig({
  plugins: [
    react(),
    // Pre-compressed copies (.br, .gz) that the server sends as they are: best ratio, no CPU per request.
    compression({ algorithms: ['brotliCompress', 'gzip'], exclude: [/\.(png|jpg|woff2?)$/] }),
    // `ANALYZE=1 npm run build` writes stats.html: what the bundle holds, by module.
    process.env.ANALYZE ? visualizer({ filename: 'stats.html', gzipSize: true, brotliSize: true }) : null,
  ],
  build: {
    target: 'es2022',
    sourcemap: false,
  },
});
