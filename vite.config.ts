import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer only: main and preload are bundled by esbuild (see package.json "build:shell").
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../dist/renderer', emptyOutDir: true, sourcemap: true },
  server: { fs: { allow: ['..'] } },
});
