import * as path from 'node:path';
import { defineConfig } from 'vite';

const root = path.resolve(__dirname, '../..');

/**
 * The console is built into dist/console and served by the service itself at `/` (no CDN, no font download).
 * It reads a few tables of the engine at build time (stage names, who may issue each command) so there is one
 * source for them; those modules are pure (the architecture rules keep workflows/ free of I/O), so everything
 * they export that the console does not use is dropped from the bundle.
 */
export default defineConfig({
  root: __dirname,
  base: '/',
  publicDir: false,
  resolve: {
    alias: [
      { find: /^@workflows\/enforcement-case$/, replacement: path.join(root, 'workflows/enforcement-case/src/index.ts') },
      { find: /^@workflows\/enforcement-case\/(.*)$/, replacement: path.join(root, 'workflows/enforcement-case/src/$1') },
      { find: /^@app\/calendar$/, replacement: path.join(root, 'libs/calendar/src/index.ts') },
      { find: /^@app\/calendar\/(.*)$/, replacement: path.join(root, 'libs/calendar/src/$1') },
    ],
  },
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: {
    outDir: path.join(root, 'dist/console'),
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      // Ant Design marks its modules "use client" (for React Server Components); meaningless in a client bundle.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
      treeshake: { moduleSideEffects: (id: string) => !id.includes('/workflows/enforcement-case/') && !id.includes('/apps/api/src/auth/') },
    },
  },
});
