import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  // No source maps: the package and the web host would hand out the readable source with them.
  build: { outDir: '../dist/renderer', emptyOutDir: true, sourcemap: false },
});
