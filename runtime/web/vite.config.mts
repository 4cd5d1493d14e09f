// Builds the end-user web app into runtime/web/dist, which the runtime serves at `/`.
// The browser runs the very expression language, label resolution and CSV reading the server runs:
// the aliases point at those modules of `@stagecraft/core`'s sources (not its whole entry, which would pull
// the meta-schemas and their validators into the bundle).
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  base: '/',
  plugins: [react()],
  resolve: {
    alias: {
      '@stagecraft/core/expr': fileURLToPath(new URL('../../core/src/expr/index.ts', import.meta.url)),
      '@stagecraft/core/label': fileURLToPath(new URL('../../core/src/model/label.ts', import.meta.url)),
      '@stagecraft/core/csv': fileURLToPath(new URL('../../core/src/csv/index.ts', import.meta.url)),
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 900,
  },
  server: { proxy: { '/api': process.env.STAGECRAFT_API_URL ?? 'http://localhost:3000' } },
});
