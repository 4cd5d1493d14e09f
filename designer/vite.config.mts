// Builds the admin studio into designer/dist, which the runtime serves at `/studio` to
// administrators only. It is its own bundle, so the end-user app's first screen never carries it.
// Like the end-user app it runs core's own modules in the browser: the published meta-schemas
// (its property panels are generated from them), labels and the expression language.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  base: '/studio/',
  plugins: [react()],
  resolve: {
    alias: {
      '@stagecraft/core/expr': fileURLToPath(new URL('../core/src/expr/index.ts', import.meta.url)),
      '@stagecraft/core/access': fileURLToPath(new URL('../core/src/access/index.ts', import.meta.url)),
      '@stagecraft/core/label': fileURLToPath(new URL('../core/src/model/label.ts', import.meta.url)),
      '@stagecraft/core/naming': fileURLToPath(new URL('../core/src/plan/naming.ts', import.meta.url)),
      '@stagecraft/core/entity-icons': fileURLToPath(new URL('../core/src/model/entity-icons.ts', import.meta.url)),
      '@stagecraft/core/column-types': fileURLToPath(new URL('../core/src/plan/migration-column-types.ts', import.meta.url)),
      // The layout editor's preview compiles the draft entity's schema as the server does, and
      // offers only the filter operators the validators accept for a field's type.
      '@stagecraft/core/entity-schema': fileURLToPath(new URL('../core/src/compile/entity-schema.ts', import.meta.url)),
      '@stagecraft/core/filter-operators': fileURLToPath(new URL('../core/src/validate/filter-operators.ts', import.meta.url)),
      '@stagecraft/core/resolve': fileURLToPath(new URL('../core/src/resolve/index.ts', import.meta.url)),
      '@stagecraft/core/field-types': fileURLToPath(new URL('../core/src/field-types/index.ts', import.meta.url)),
      '@stagecraft/core/schemas': fileURLToPath(new URL('../core/schemas', import.meta.url)),
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
